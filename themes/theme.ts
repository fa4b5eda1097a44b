import type { AstroComponentFactory } from 'astro/runtime/server/index.js'

/** What a theme gives the site: a layout and one view per kind of URL. Blocks are the views' business. */
export interface Theme {
  /** The HTML document around every view; props: LayoutProps (themes/types.ts). */
  Layout: AstroComponentFactory
  /** A page of blocks; props: { page, locale, defaultLocale }. */
  PageView: AstroComponentFactory
  /** One post; props: { post, locale, defaultLocale, share: { url, color } } (render themes/shared/ShareButtons.astro with them). */
  PostView: AstroComponentFactory
  /** A page of posts; props: { posts, page, totalPages, heading, basePath, locale, defaultLocale }. */
  PostListView: AstroComponentFactory
  /** The 404 page; props: { locale, defaultLocale }. */
  NotFoundView: AstroComponentFactory
}
