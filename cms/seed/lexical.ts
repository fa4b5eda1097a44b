// Builders for the JSON the Lexical rich-text editor stores (what @payloadcms/richtext-lexical
// reads back), so seed content can be written as `doc(h2('…'), p('…'), ul(['…', '…']))`.

/** A text run: plain, or `bold` / `italic` via Lexical's format bit flags. */
export type LexicalText = {
  type: 'text'
  text: string
  format: number
  detail: 0
  mode: 'normal'
  style: ''
  version: 1
}

/** An element node: children plus Lexical's common element keys, and whatever its type adds. */
export type LexicalElement = {
  type: string
  children: LexicalNode[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: number
  [key: string]: unknown
}

export type LexicalNode = LexicalText | LexicalElement

/** A whole editor state, the value of a `richText` field. */
export type LexicalDoc = {
  root: { type: 'root'; children: LexicalElement[]; direction: 'ltr'; format: ''; indent: 0; version: 1 }
}

/** What may be given where inline content goes: a string becomes one plain text node. */
export type Inline = string | LexicalNode

const IS_BOLD = 1
const IS_ITALIC = 2

function element(type: string, children: LexicalNode[], extra: Record<string, unknown> = {}, version = 1): LexicalElement {
  return { type, children, direction: 'ltr', format: '', indent: 0, version, ...extra }
}

function inline(content: Inline[]): LexicalNode[] {
  return content.map((c) => (typeof c === 'string' ? text(c) : c))
}

/** A text node. @example text('私域', { bold: true }) */
export function text(value: string, { bold = false, italic = false } = {}): LexicalText {
  const format = (bold ? IS_BOLD : 0) | (italic ? IS_ITALIC : 0)
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 }
}

/** Bold text. */
export function strong(value: string): LexicalText {
  return text(value, { bold: true })
}

/** A link to a URL (Payload's link node, `linkType: 'custom'`). @example a('/blog', 'Read the blog') */
export function a(url: string, label: string, { newTab = false } = {}): LexicalElement {
  return element('link', [text(label)], { fields: { linkType: 'custom', newTab, url } }, 3)
}

/** A paragraph of strings and inline nodes. @example p('Own the place ', strong('where customers land'), '.') */
export function p(...content: Inline[]): LexicalElement {
  return element('paragraph', inline(content), { textFormat: 0, textStyle: '' })
}

function heading(tag: 'h2' | 'h3' | 'h4') {
  return (...content: Inline[]): LexicalElement => element('heading', inline(content), { tag })
}

/** A second-level heading (the page or post title is the h1). */
export const h2 = heading('h2')
/** A third-level heading. */
export const h3 = heading('h3')

function list(listType: 'bullet' | 'number', items: (Inline | Inline[])[]): LexicalElement {
  const tag = listType === 'bullet' ? 'ul' : 'ol'
  const children = items.map((item, i) => element('listitem', inline(Array.isArray(item) ? item : [item]), { value: i + 1 }))
  return element('list', children, { listType, start: 1, tag })
}

/** A bulleted list; an item is a string or an array of inline content. @example ul(['One', 'Two']) */
export function ul(items: (Inline | Inline[])[]): LexicalElement {
  return list('bullet', items)
}

/** A numbered list. */
export function ol(items: (Inline | Inline[])[]): LexicalElement {
  return list('number', items)
}

/** A block quote. */
export function quote(...content: Inline[]): LexicalElement {
  return element('quote', inline(content))
}

/** The editor state holding these blocks, ready for a `richText` field. @example doc(h2('Why'), p('Because.')) */
export function doc(...blocks: LexicalElement[]): LexicalDoc {
  return { root: { type: 'root', children: blocks, direction: 'ltr', format: '', indent: 0, version: 1 } }
}
