import type { NewActivity } from './activity'

/** A page request of a (consented) visitor, held until its batch is written. */
export interface PendingView {
  visitor: string
  path: string
  at: Date
}

/** What the site knows about a content page: the slugs of its categories. */
export interface ContentPage {
  categories: string[]
}

/** Every content page by each of its paths (`/blog/launch`, `/en/blog/launch`). */
export type ContentPages = Map<string, ContentPage>

/** A page reached again within this time is the same reading (a reload, the back button). */
export const REPEAT_VIEW_MS = 10 * 60_000
const RECENT_LIMIT = 50_000

/** The pages that are never a reading of content: the visitor's own account, search, previews and links. */
const NEVER = /^\/(?:[a-z]{2}(?:-[a-z0-9]+)?\/)?(?:account|search|preview|go|r|l|unsubscribe|download)(?:\/|$)/i

/** Whether a request path (without query) may be a content page at all: cheap, for the request path. */
export function mayBeContentPage(pathname: string): boolean {
  return !NEVER.test(pathname)
}

export interface PageViewRecorder {
  /** Notes a page request; false when it repeats the visitor's view of the same path a moment ago. */
  note(visitor: string, pathname: string, at: Date): boolean
  /** Takes what is pending (the caller writes it, and gives it back with `retry` when the write fails). */
  take(): PendingView[]
  retry(views: PendingView[]): void
  pending(): number
}

/**
 * Keeps page views in memory until the next batch, like touches: a page never waits for the
 * database. Repeats of the same path by the same visitor within REPEAT_VIEW_MS are one view.
 */
export function createPageViewRecorder(): PageViewRecorder {
  let views: PendingView[] = []
  const recent = new Map<string, number>()
  return {
    note(visitor, pathname, at) {
      if (!mayBeContentPage(pathname)) return false
      const key = `${visitor}\u0000${pathname}`
      const time = at.getTime()
      const last = recent.get(key)
      if (last !== undefined && time - last < REPEAT_VIEW_MS) return false
      recent.delete(key)
      recent.set(key, time)
      // A Map keeps insertion order: dropping the oldest keeps memory bounded under any traffic.
      if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!)
      views.push({ visitor, path: pathname, at })
      return true
    },
    take() {
      const taken = views
      views = []
      return taken
    },
    retry(failed) {
      views = failed.concat(views)
    },
    pending: () => views.length,
  }
}

/**
 * The page views of a batch that are readings of content, with the categories of their page;
 * anything else (a 404, an endpoint, a page that no longer exists) is dropped.
 * @example contentViews([{ visitor: 'vA…', path: '/blog/launch', at }], new Map([['/blog/launch', { categories: ['brand'] }]]))
 */
export function contentViews(views: PendingView[], pages: ContentPages): NewActivity[] {
  const rows: NewActivity[] = []
  for (const view of views) {
    const page = pages.get(view.path)
    if (!page) continue
    rows.push({
      visitor: view.visitor,
      kind: 'page-view',
      at: view.at.toISOString(),
      path: view.path,
      categories: page.categories,
      form: null,
      ref: null,
      locale: null,
    })
  }
  return rows
}

/** A page, post or category as the content index reads it. */
export interface IndexedContent {
  pages: { path?: string | null }[]
  posts: { slug?: string | null; categories?: (string | number | { id: string | number })[] | null }[]
  categories: { id?: string | number; slug?: string | null }[]
}

/**
 * The content pages of the site by every path they answer on, in each locale: pages, posts (with
 * their categories' slugs), category listings (their own slug) and the blog.
 */
export function contentPages(content: IndexedContent, localize: (path: string) => string[]): ContentPages {
  const slugOf = new Map(content.categories.filter((c) => c.slug && c.id !== undefined).map((c) => [String(c.id), c.slug!]))
  const map: ContentPages = new Map()
  const add = (basePath: string, categories: string[]) => {
    for (const path of localize(basePath)) map.set(path, { categories })
  }
  for (const page of content.pages) if (page.path) add(page.path === 'home' ? '/' : `/${page.path}`, [])
  add('/blog', [])
  for (const category of content.categories) if (category.slug) add(`/blog/category/${category.slug}`, [category.slug])
  for (const post of content.posts) {
    if (!post.slug) continue
    const categories = (post.categories ?? [])
      .map((ref) => slugOf.get(String(typeof ref === 'object' ? ref.id : ref)))
      .filter((s): s is string => Boolean(s))
    add(`/blog/${post.slug}`, categories)
  }
  return map
}
