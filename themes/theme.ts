import type { AstroComponentFactory } from 'astro/runtime/server/index.js'

import type { BlockType } from './types'

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
  /**
   * A members-only page or post the reader may not open; props: { title, excerpt, need, tierName, path, locale,
   * defaultLocale }. Never given the body.
   */
  GatedView: AstroComponentFactory
  /** The newsletter archive with its sign-up box; props: NewsletterViewProps (themes/shared/newsletter.ts). */
  NewsletterView: AstroComponentFactory
  /** One archived newsletter's web version; props: NewsletterIssueViewProps (themes/shared/newsletter.ts). */
  NewsletterIssueView: AstroComponentFactory
  /** The 404 page; props: { locale, defaultLocale }. */
  NotFoundView: AstroComponentFactory
}

/**
 * A theme's component for every block type (themes/<name>/blocks/index.ts); themes/shared/Blocks.astro
 * renders a page's blocks with them. Props: BlockProps (themes/shared/blocks.ts).
 */
export type BlockComponents = Record<BlockType, AstroComponentFactory>
