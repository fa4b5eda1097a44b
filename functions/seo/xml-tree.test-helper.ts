// A real XML parse for the tests: sax in strict, namespace-aware mode rejects anything that is not
// well-formed (unescaped &, unclosed tags, unbound prefixes), and the result is a small tree to assert on.
import sax from 'sax'

/** An element as parsed: its namespace URI, local name, attributes by qualified name, children and text. */
export interface XmlElement {
  uri: string
  local: string
  name: string
  attributes: Record<string, { value: string; uri: string }>
  children: XmlElement[]
  text: string
}

/** Parses `xml` strictly; throws on any well-formedness or namespace error. */
export function parseXml(xml: string): XmlElement {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('missing XML declaration')
  const parser = sax.parser(true, { xmlns: true })
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  let failure: Error | null = null
  parser.onerror = (error) => {
    failure ??= error
  }
  parser.onopentag = (tag) => {
    const attributes: XmlElement['attributes'] = {}
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = { value: attribute.value, uri: attribute.uri }
    const element: XmlElement = { uri: tag.uri, local: tag.local, name: tag.name, attributes, children: [], text: '' }
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element)
    else root = element
    stack.push(element)
  }
  parser.onclosetag = () => {
    stack.pop()
  }
  parser.ontext = (text) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text
  }
  parser.write(xml).close()
  if (failure) throw failure
  if (!root) throw new Error('no root element')
  return root
}

/** The children of `element` named `local` (in any namespace unless `uri` is given). */
export function childrenNamed(element: XmlElement, local: string, uri?: string): XmlElement[] {
  return element.children.filter((c) => c.local === local && (uri === undefined || c.uri === uri))
}
