import { asLocale, LOCALE_CODES, LOCALES } from '../../functions/content/locales'
import { localizedHref, pageHref } from '../../functions/content/paths'
import { matchRoute, type Route } from '../../functions/content/routes'
import type { SearchViewProps } from '../../themes/shared/search-view'
import type { LayoutProps, PageDoc, PostDoc } from '../../themes/types'
import { type PreviewUser } from './cms'
import { findCategory, findPage, findPost, frame, listPosts } from './content'
import { findForm } from './forms'
import { openGate } from './gate'
import { searchSite } from './search'
import { headFor } from './seo'
import { wechatCodesOf } from './wecom/on-page'

const POSTS_PER_PAGE = 9
const RESULTS_PER_PAGE = 10

/** What the catch-all route renders: a theme view with its props, inside the theme's layout. */
export type View =
  | { kind: 'page'; page: PageDoc }
  | { kind: 'post'; post: PostDoc }
  | { kind: 'list'; posts: PostDoc[]; page: number; totalPages: number; heading: string; basePath: string }
  | { kind: 'search'; search: SearchViewProps }
  /** A members-only page or post the reader may not open: its title and excerpt, never its body. */
  | {
      kind: 'gated'
      title: string
      excerpt: string | null
      need: 'sign-in' | 'upgrade'
      tierName: string | null
      path: string
      doc: PageDoc | PostDoc
      of: 'page' | 'post'
    }
  | { kind: 'notFound' }

export interface ResolvedView {
  status: 200 | 404
  /** The document is not public: its HTML depends on who reads it (the shared page cache keeps only the anonymous version). */
  gated: boolean
  theme: string
  layout: LayoutProps
  view: View
}

// The canonical path of a route in the default locale; alternates and canonical URLs derive from it.
function routePath(route: Route): string | null {
  switch (route.kind) {
    case 'page':
      return pageHref(route.path)
    case 'post':
      return `/blog/${route.slug}`
    case 'blog':
      return route.page > 1 ? `/blog/page/${route.page}` : '/blog'
    case 'category':
      return `/blog/category/${route.slug}${route.page > 1 ? `/page/${route.page}` : ''}`
    case 'search':
      return '/search'
    case 'notFound':
      return null
  }
}

const LIST_HEADINGS: Record<string, { blog: string; category: (name: string) => string }> = {
  'zh-CN': { blog: '博客', category: (name) => `分类：${name}` },
  en: { blog: 'Blog', category: (name) => `Category: ${name}` },
}

/** A 1-based page number from the query string; anything else is page 1. */
function pageParam(value: string | null): number {
  return value && /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : 1
}

async function loadSearch(locale: string, defaultLocale: string, params: URLSearchParams): Promise<View> {
  // A repeated or missing q reads as its first value or nothing; the text is searched as typed.
  const query = (params.get('q') ?? '').trim()
  const base = { locale, defaultLocale, query, action: localizedHref('/search', locale, defaultLocale) }
  if (!query) return { kind: 'search', search: { ...base, state: 'noQuery' } }
  const found = await searchSite(locale, defaultLocale, query, pageParam(params.get('page')), RESULTS_PER_PAGE)
  if (!found) return { kind: 'search', search: { ...base, state: 'unavailable' } }
  return { kind: 'search', search: { ...base, state: found.total > 0 ? 'results' : 'empty', found } }
}

type Gated = { visibility?: string | null; minTier?: unknown; excerpt?: string | null; seo?: { description?: string | null } | null }

async function loadView(
  route: Route,
  locale: string,
  defaultLocale: string,
  previewUser: PreviewUser | null,
  params: URLSearchParams,
  cookie: string | null,
): Promise<View> {
  const reader = { locale, previewUser }
  const headings = LIST_HEADINGS[locale] ?? LIST_HEADINGS.en!
  switch (route.kind) {
    case 'page': {
      const page = await findPage(route.path, reader)
      if (!page?.title) return { kind: 'notFound' }
      const gate = await openGate('pages', page as PageDoc & Gated, { ...reader, cookie })
      if (gate && !gate.open)
        return {
          kind: 'gated',
          title: page.title,
          excerpt: (page as Gated).seo?.description ?? null,
          need: gate.need,
          tierName: gate.tierName,
          path: localizedHref(pageHref(route.path), locale, defaultLocale),
          doc: page,
          of: 'page',
        }
      const opened = gate ? { ...page, layout: gate.body as PageDoc['layout'] } : page
      return { kind: 'page', page: await withBlockData(opened, reader) }
    }
    case 'post': {
      const post = await findPost(route.slug, reader)
      if (!post?.title) return { kind: 'notFound' }
      const gate = await openGate('posts', post as PostDoc & Gated, { ...reader, cookie })
      if (gate && !gate.open)
        return {
          kind: 'gated',
          title: post.title,
          excerpt: post.excerpt ?? null,
          need: gate.need,
          tierName: gate.tierName,
          path: localizedHref(`/blog/${route.slug}`, locale, defaultLocale),
          doc: post,
          of: 'post',
        }
      return { kind: 'post', post: gate ? { ...post, body: gate.body } : post }
    }
    case 'blog': {
      const { posts, totalPages } = await listPosts({ page: route.page, perPage: POSTS_PER_PAGE }, reader)
      if (route.page > totalPages) return { kind: 'notFound' }
      return {
        kind: 'list',
        posts,
        page: route.page,
        totalPages,
        heading: headings.blog,
        basePath: localizedHref('/blog', locale, defaultLocale),
      }
    }
    case 'category': {
      const category = await findCategory(route.slug, reader)
      if (!category?.title) return { kind: 'notFound' }
      const { posts, totalPages } = await listPosts({ page: route.page, perPage: POSTS_PER_PAGE, categoryId: category.id }, reader)
      if (route.page > totalPages) return { kind: 'notFound' }
      const basePath = localizedHref(`/blog/category/${category.slug}`, locale, defaultLocale)
      return { kind: 'list', posts, page: route.page, totalPages, heading: headings.category(category.title), basePath }
    }
    case 'search':
      return loadSearch(locale, defaultLocale, params)
    case 'notFound':
      return { kind: 'notFound' }
  }
}

// Latest-posts blocks show posts the page itself does not hold, form blocks a form visitors may not
// read through the API, and WeChat blocks a campaign link's codes: fetch them here so themes only render.
const FILLED = new Set(['latestPosts', 'formSlot', 'addOnWechat'])

async function withBlockData(page: PageDoc, reader: { locale: string; previewUser: PreviewUser | null }): Promise<PageDoc> {
  if (!page.layout?.some((block) => FILLED.has(block.blockType))) return page
  const layout = await Promise.all(
    page.layout.map(async (block) => {
      if (block.blockType === 'addOnWechat') {
        const { campaignLink, ...shown } = block
        return { ...shown, codes: await wechatCodesOf(campaignLink, block.show) }
      }
      if (block.blockType === 'formSlot') {
        const ref = block.form as { id?: string | number } | string | number | null | undefined
        const id = typeof ref === 'object' && ref ? ref.id : ref
        return { ...block, form: id != null ? await findForm(id, reader.locale) : null }
      }
      if (block.blockType !== 'latestPosts') return block
      const category = block.category as { id?: string | number } | string | number | null | undefined
      const categoryId = typeof category === 'object' && category ? category.id : category
      const limit = Math.min(Math.max(Number(block.limit) || 3, 1), 12)
      const { posts } = await listPosts({ page: 1, perPage: limit, categoryId }, reader)
      return { ...block, posts }
    }),
  )
  return { ...page, layout }
}

/** The locale served at the root of the site, a site setting (not localised itself). */
export async function siteDefaultLocale(stamp: string | null): Promise<string> {
  const { settings } = await frame(LOCALE_CODES[0]!, stamp)
  return asLocale(settings.defaultLocale)
}

/**
 * Resolves a request path to what the site shows there, read through the Local API as the
 * visitor (or previewing editor) may see it.
 */
export async function resolveView(
  pathname: string,
  stamp: string | null,
  previewUser: PreviewUser | null,
  params: URLSearchParams = new URLSearchParams(),
  cookie: string | null = null,
): Promise<ResolvedView> {
  const defaultLocale = await siteDefaultLocale(stamp)
  const { locale, route } = matchRoute(pathname, LOCALE_CODES, defaultLocale)
  const [{ settings, header, footer }, view] = await Promise.all([
    frame(locale, stamp),
    loadView(route, locale, defaultLocale, previewUser, params, cookie),
  ])
  const path = view.kind === 'notFound' ? null : routePath(route)
  const meta = await headFor({ view, route, basePath: path, locale, defaultLocale, settings, stamp, preview: Boolean(previewUser) })
  const alternates = LOCALES.map((l) => ({ locale: l.code, label: l.label, href: localizedHref(path ?? '/', l.code, defaultLocale) }))
  const template = view.kind === 'page' && view.page.template === 'landing' ? 'landing' : 'default'
  const doc = view.kind === 'page' ? view.page : view.kind === 'post' ? view.post : view.kind === 'gated' ? view.doc : null
  return {
    status: view.kind === 'notFound' ? 404 : 200,
    gated: doc !== null && ((doc as Gated).visibility ?? 'public') !== 'public',
    theme: settings.theme,
    view,
    layout: {
      locale,
      defaultLocale,
      meta,
      settings,
      header: header as LayoutProps['header'],
      footer: footer as LayoutProps['footer'],
      alternates,
      template,
      preview: Boolean(previewUser),
    },
  }
}
