// Payload's rich text (Lexical JSON) to HTML for the site: a small renderer of our own, so every
// string is escaped here and no URL scheme reaches a page unless it is on the allow-list.
import { mediaUrl } from './links'
import { localizedHref, pageHref } from './paths'
import { safeHref } from './safe-url'

interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  checked?: boolean
  url?: string
  fields?: { linkType?: string; url?: string; newTab?: boolean; doc?: { relationTo?: string; value?: unknown } }
  value?: unknown
  relationTo?: string
}

export interface RichTextOptions {
  locale: string
  defaultLocale: string
}

const MAX_DEPTH = 40

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const FORMATS: [number, string][] = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [32, 'sub'],
  [64, 'sup'],
]

function renderText(node: LexicalNode): string {
  let html = escapeHtml(String(node.text ?? ''))
  const format = typeof node.format === 'number' ? node.format : 0
  for (const [bit, tag] of FORMATS) if (format & bit) html = `<${tag}>${html}</${tag}>`
  return html
}

function linkHref(node: LexicalNode, options: RichTextOptions): string | null {
  const fields = node.fields ?? {}
  if (fields.linkType === 'internal') {
    const doc = fields.doc?.value as { path?: string; slug?: string } | undefined
    if (!doc || typeof doc !== 'object') return null
    if (fields.doc?.relationTo === 'posts' && doc.slug) return localizedHref(`/blog/${doc.slug}`, options.locale, options.defaultLocale)
    if (doc.path) return localizedHref(pageHref(doc.path), options.locale, options.defaultLocale)
    return null
  }
  const href = safeHref(fields.url ?? node.url)
  return href && href.startsWith('/') ? localizedHref(href, options.locale, options.defaultLocale) : href
}

function renderUpload(node: LexicalNode): string {
  const media = node.value as {
    filename?: string
    alt?: string
    width?: number
    height?: number
    sizes?: Record<string, { filename?: string | null; width?: number | null; height?: number | null } | undefined>
  } | null
  if (!media || typeof media !== 'object') return ''
  const size = media.sizes?.webp960?.filename ? media.sizes.webp960 : null
  const src = mediaUrl(size?.filename ?? media.filename)
  if (!src) return ''
  const width = size?.width ?? media.width
  const height = size?.height ?? media.height
  const dims = width && height ? ` width="${Number(width)}" height="${Number(height)}"` : ''
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(String(media.alt ?? ''))}"${dims} loading="lazy" decoding="async">`
}

function renderNode(node: LexicalNode, options: RichTextOptions, depth: number): string {
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return ''
  const children = () => renderChildren(node.children, options, depth + 1)
  switch (node.type) {
    case 'text':
      return renderText(node)
    case 'linebreak':
      return '<br>'
    case 'paragraph':
      return `<p>${children()}</p>`
    case 'heading': {
      // The page title owns the only h1.
      const level = /^h[1-6]$/.test(node.tag ?? '') ? Math.max(2, Number(node.tag!.slice(1))) : 2
      return `<h${level}>${children()}</h${level}>`
    }
    case 'quote':
      return `<blockquote>${children()}</blockquote>`
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul'
      return `<${tag}>${children()}</${tag}>`
    }
    case 'listitem':
      return `<li>${children()}</li>`
    case 'link':
    case 'autolink': {
      const href = linkHref(node, options)
      if (!href) return children()
      const newTab = node.fields?.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''
      return `<a href="${escapeHtml(href)}"${newTab}>${children()}</a>`
    }
    case 'horizontalrule':
      return '<hr>'
    case 'upload':
      return renderUpload(node)
    default:
      return children()
  }
}

function renderChildren(children: unknown, options: RichTextOptions, depth: number): string {
  return Array.isArray(children) ? children.map((child) => renderNode(child as LexicalNode, options, depth)).join('') : ''
}

/**
 * Renders a rich-text field's value as HTML; anything malformed renders as nothing rather than failing the page.
 * @example richTextToHtml(post.body, { locale: 'en', defaultLocale: 'zh-CN' })
 */
export function richTextToHtml(state: unknown, options: RichTextOptions): string {
  const root = (state as { root?: LexicalNode } | null | undefined)?.root
  return root ? renderChildren(root.children, options, 0) : ''
}

/** The text of a rich-text value without markup, blocks separated by newlines (for excerpts and search). */
export function richTextToPlainText(state: unknown): string {
  const lines: string[] = []
  const walk = (node: LexicalNode, depth: number): string => {
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return ''
    if (node.type === 'text') return String(node.text ?? '')
    if (node.type === 'linebreak') return '\n'
    return Array.isArray(node.children) ? node.children.map((c) => walk(c, depth + 1)).join('') : ''
  }
  const root = (state as { root?: LexicalNode } | null | undefined)?.root
  for (const block of Array.isArray(root?.children) ? root.children : []) lines.push(walk(block, 1))
  return lines.filter((l) => l.trim() !== '').join('\n')
}
