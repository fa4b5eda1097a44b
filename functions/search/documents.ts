// Payload pages and posts, as read from the database, turned into what the index takes.
import { pageHref } from '../content/paths'
import { richTextToPlainText } from '../content/rich-text'
import type { SearchDoc } from './build-index'

/** Block fields that hold words a visitor reads; ids, links, images and settings are left out. */
const TEXT_KEYS = new Set(['heading', 'text', 'title', 'question', 'answer', 'caption', 'quote', 'name', 'role'])
const RICH_TEXT_KEYS = new Set(['content', 'body'])
const ARRAY_KEYS = new Set(['cards', 'items'])
const MAX_DEPTH = 6

function collect(value: unknown, out: string[], depth: number): void {
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (typeof field === 'string' && TEXT_KEYS.has(key)) out.push(field)
    else if (RICH_TEXT_KEYS.has(key)) out.push(richTextToPlainText(field))
    else if (ARRAY_KEYS.has(key) && Array.isArray(field)) for (const item of field) collect(item, out, depth + 1)
  }
}

/**
 * The words of a page's blocks, one block's text per line.
 * @example blocksText([{ blockType: 'hero', heading: '私域从官网开始' }]) // '私域从官网开始'
 */
export function blocksText(layout: unknown): string {
  if (!Array.isArray(layout)) return ''
  const lines: string[] = []
  for (const block of layout) collect(block, lines, 0)
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
}

function titles(categories: unknown): string[] {
  if (!Array.isArray(categories)) return []
  return categories.flatMap((c) =>
    c && typeof c === 'object' && typeof (c as { title?: unknown }).title === 'string' ? [(c as { title: string }).title] : [],
  )
}

/** A post as stored (categories populated at depth 1), as a search document. */
export function postSearchDoc(post: {
  id: string | number
  slug?: string | null
  title?: string | null
  excerpt?: string | null
  body?: unknown
  categories?: unknown
  publishedAt?: string | null
  visibility?: string | null
}): SearchDoc {
  return {
    id: post.id,
    kind: 'post',
    path: `/blog/${post.slug ?? ''}`,
    title: post.title ?? '',
    excerpt: post.excerpt ?? null,
    body: richTextToPlainText(post.body),
    categories: titles(post.categories),
    date: post.publishedAt ?? null,
    visibility: post.visibility ?? null,
  }
}

/** A page as stored, as a search document. */
export function pageSearchDoc(page: {
  id: string | number
  path?: string | null
  title?: string | null
  layout?: unknown
  visibility?: string | null
}): SearchDoc {
  return {
    id: page.id,
    kind: 'page',
    path: pageHref(page.path ?? ''),
    title: page.title ?? '',
    excerpt: null,
    body: blocksText(page.layout),
    categories: [],
    date: null,
    visibility: page.visibility ?? null,
  }
}
