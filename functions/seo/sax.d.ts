// sax ships no type declarations; this covers the strict, namespace-aware parser the XML tests use.
declare module 'sax' {
  export interface QualifiedAttribute {
    name: string
    value: string
    prefix: string
    local: string
    uri: string
  }
  export interface QualifiedTag {
    name: string
    prefix: string
    local: string
    uri: string
    attributes: Record<string, QualifiedAttribute>
    isSelfClosing: boolean
  }
  export interface SAXParser {
    onerror: (error: Error) => void
    onopentag: (tag: QualifiedTag) => void
    onclosetag: (name: string) => void
    ontext: (text: string) => void
    oncdata: (text: string) => void
    write(xml: string): SAXParser
    close(): SAXParser
  }
  export function parser(strict: boolean, options?: { xmlns?: boolean; trim?: boolean; normalize?: boolean }): SAXParser
  const sax: { parser: typeof parser }
  export default sax
}
