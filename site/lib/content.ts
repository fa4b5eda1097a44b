// What the site reads of the content: the frame of every page, pages, posts, categories, the
// members-only body, and the lists sitemaps and feeds are built from.
import type { Payload, TypedCollectionSelect, Where } from 'payload'

import { LOCALE_CODES } from '../../functions/content/locales'
import { localePrefix } from '../../functions/content/paths'
import { type ContentPages, contentPages } from '../../functions/nurture/page-views'
import { type IndexedDoc, isPublicContent, type SiteContent } from '../../functions/seo'
import type { MediaDoc, PageDoc, PostDoc } from '../../themes/types'
import { cms, type Reader, readOptions } from './cms'
import { perStamp } from './per-stamp'

/** Brand settings, header and footer of a locale: what every page's frame needs. */
export interface Frame {
  settings: {
    brandName: string
    tagline?: string | null
    logo?: MediaDoc | null
    defaultLocale: string
    theme: string
    brandColor: string
    attribution?: { touchesNeedConsent?: boolean | null } | null
    socialAccounts?: { channel: string; handle: string; url?: string | null }[] | null
  }
  header: { items?: { link: { label?: string | null } & Record<string, unknown> }[] | null }
  footer: { columns?: { heading: string; links?: { link: Record<string, unknown> }[] | null }[] | null; smallPrint?: string | null }
}

const frames = perStamp(async (locale): Promise<Frame> => {
  const payload = await cms()
  const options = { locale: locale as 'zh-CN' | 'en', depth: 1 }
  const [settings, header, footer] = await Promise.all([
    payload.findGlobal({ slug: 'site-settings', ...options }),
    payload.findGlobal({ slug: 'header', ...options }),
    payload.findGlobal({ slug: 'footer', ...options }),
  ])
  // Depth 1 populates the logo; the generated types cannot know the depth and say `number | Media`.
  return { settings: settings as Frame['settings'], header, footer }
})

/** The frame of a locale, read once per content stamp: it changes only when content does. */
export function frame(locale: string, stamp: string | null): Promise<Frame> {
  return frames(stamp, locale)
}

/** The page at `path` (e.g. `home`, `solutions/retail`), or null. */
export async function findPage(path: string, reader: Reader): Promise<PageDoc | null> {
  const payload = await cms()
  const result = await payload.find({ collection: 'pages', where: { path: { equals: path } }, depth: 2, limit: 1, ...readOptions(reader) })
  // Depth 2 populates relationships; the generated types cannot know the depth and say `number | Media`.
  return (result.docs[0] as PageDoc | undefined) ?? null
}

/** The post with `slug`, with its author's name, or null. */
export async function findPost(slug: string, reader: Reader): Promise<PostDoc | null> {
  const payload = await cms()
  const result = await payload.find({ collection: 'posts', where: { slug: { equals: slug } }, depth: 2, limit: 1, ...readOptions(reader) })
  // Depth 2 populates relationships; the generated types cannot know the depth and say `number | Media`.
  const post = result.docs[0] as (PostDoc & { author?: unknown }) | undefined
  if (!post) return null
  return { ...post, author: await authorOf(payload, post.author) }
}

// CMS users are not readable by visitors; a post shows only its author's name, read here.
async function authorOf(payload: Payload, author: unknown): Promise<{ name?: string | null } | null> {
  const id = typeof author === 'object' && author ? (author as { id?: string | number }).id : author
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const user = await payload.findByID({ collection: 'users', id, depth: 0, select: { name: true }, disableErrors: true })
  return user ? { name: (user as { name?: string | null }).name ?? null } : null
}

/** The category with `slug`, or null. */
export async function findCategory(
  slug: string,
  reader: Reader,
): Promise<{ id: string | number; title: string; slug: string; description?: string | null } | null> {
  const payload = await cms()
  const result = await payload.find({
    collection: 'categories',
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
    ...readOptions(reader),
    draft: false,
  })
  return (result.docs[0] as { id: string | number; title: string; slug: string } | undefined) ?? null
}

/** One page of posts, newest first, optionally of one category. */
export async function listPosts(
  { page, perPage, categoryId }: { page: number; perPage: number; categoryId?: string | number | null },
  reader: Reader,
): Promise<{ posts: PostDoc[]; totalPages: number }> {
  const payload = await cms()
  // A post not yet written in this locale (no title here) is not listed in it.
  const where: Where = { and: [{ title: { exists: true } }, ...(categoryId ? [{ categories: { in: [categoryId] } }] : [])] }
  const result = await payload.find({
    collection: 'posts',
    where,
    depth: 1,
    page,
    limit: perPage,
    sort: '-publishedAt',
    select: { title: true, slug: true, excerpt: true, coverImage: true, categories: true, publishedAt: true },
    ...readOptions(reader),
  })
  // Depth 1 populates relationships; the generated types cannot know the depth and say `number | Media`.
  return { posts: result.docs as PostDoc[], totalPages: Math.max(result.totalPages, 1) }
}

/** A page or post again, body included, for a reader the site has found entitled to it (cms/access/members.ts). */
export async function gatedBody(collection: 'pages' | 'posts', id: string | number, reader: Reader): Promise<unknown> {
  const payload = await cms()
  const doc = await payload.findByID({
    collection,
    id,
    depth: 2,
    ...readOptions(reader),
    context: { gatedBody: true },
    disableErrors: true,
  })
  if (!doc) return null
  return collection === 'pages' ? (doc as { layout?: unknown }).layout : (doc as { body?: unknown }).body
}

// `visibility` is the membership work's field; it is read when the collection has it, so that
// members-only content stays out of sitemaps and feeds whether or not that work has landed.
function selectKnown(payload: Payload, collection: 'pages' | 'posts' | 'categories', fields: string[]): Record<string, true> {
  const known = new Set(payload.collections[collection].config.flattenedFields.map((f) => f.name))
  return Object.fromEntries([...fields, 'visibility'].filter((f) => known.has(f)).map((f) => [f, true]))
}

/** Reads a collection's documents as `SiteContent` wants them: every locale's title at once, published only. */
async function readIndexed(payload: Payload, collection: 'pages' | 'posts' | 'categories', fields: string[]): Promise<IndexedDoc[]> {
  const select = selectKnown(payload, collection, [...fields, 'title', 'updatedAt', '_status'])
  const result = await payload.find({
    collection,
    locale: 'all',
    depth: 0,
    pagination: false,
    select,
    // As an anonymous visitor: drafts are filtered by the collections' own read rules.
    overrideAccess: false,
    user: null,
    draft: false,
  })
  // Read with locale 'all', a localised field is an object by locale; the generated types know one locale only.
  return result.docs as unknown as IndexedDoc[]
}

/** Every public page, post and category with its title per locale: what sitemaps and hreflang are built from. */
export async function siteContent(): Promise<SiteContent> {
  const payload = await cms()
  const [pages, posts, categories] = await Promise.all([
    readIndexed(payload, 'pages', ['path']),
    readIndexed(payload, 'posts', ['slug', 'publishedAt', 'categories']),
    readIndexed(payload, 'categories', ['slug']),
  ])
  return { pages, posts, categories }
}

/** Editors' redirects, read as the site itself (visitors cannot read them through the API). */
export async function redirectRules(): Promise<{ from: string; to: string; status: string; allowOffsite?: boolean | null }[]> {
  const payload = await cms()
  const result = await payload.find({
    collection: 'redirects',
    depth: 0,
    pagination: false,
    select: { from: true, to: true, status: true, allowOffsite: true },
  })
  return result.docs
}

/** The newest public posts of a locale for its feed, with their categories' titles. */
export async function feedPosts(locale: string, limit: number): Promise<(PostDoc & { visibility?: string | null })[]> {
  const payload = await cms()
  const result = await payload.find({
    collection: 'posts',
    where: { title: { exists: true } },
    depth: 1,
    // A few more than needed: members-only posts are dropped after reading.
    limit: limit * 2,
    sort: '-publishedAt',
    select: selectKnown(payload, 'posts', ['title', 'slug', 'excerpt', 'publishedAt', 'updatedAt', 'categories']),
    ...readOptions({ locale }),
  })
  // Depth 1 populates relationships; the generated types cannot know the depth and say `number | Media`.
  return (result.docs as (PostDoc & { visibility?: string | null })[]).filter(isPublicContent).slice(0, limit)
}

/**
 * The content pages by every path they answer on, with their categories: read once per content
 * stamp, so a batch of page views costs no query to find what was read. Members-only pages count
 * (a member reading them is the point); drafts do not.
 */
export const contentPagesIndex: (stamp: string | null) => Promise<ContentPages> = perStamp(async () => {
  const payload = await cms()
  const read = <C extends 'pages' | 'posts' | 'categories'>(collection: C, select: TypedCollectionSelect[C]) =>
    payload.find({
      collection,
      depth: 0,
      limit: 0,
      pagination: false,
      draft: false,
      where: collection === 'categories' ? {} : { _status: { equals: 'published' } },
      select,
      overrideAccess: true,
    })
  const [p, posts, categories] = await Promise.all([
    read('pages', { path: true }),
    read('posts', { slug: true, categories: true }),
    read('categories', { slug: true }),
  ])
  const prefixes = LOCALE_CODES.map(localePrefix)
  // Every path a page answers on: the root locale's and each prefixed one (`/en/blog/x`).
  const localize = (path: string) => [path, ...prefixes.map((prefix) => (path === '/' ? `/${prefix}` : `/${prefix}${path}`))]
  return contentPages({ pages: p.docs, posts: posts.docs, categories: categories.docs }, localize)
})
