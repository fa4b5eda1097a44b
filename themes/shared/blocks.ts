// What every theme's blocks and page view compute before their markup: plain functions over the
// props the site hands a theme, so that each theme's components hold only markup and CSS.
import { hrefOf, type StoredLink } from '../../functions/content/links'
import { localizedHref } from '../../functions/content/paths'
import { richTextToHtml } from '../../functions/content/rich-text'
import type { MediaDoc, PageDoc, PostDoc } from '../types'

/** A block as stored in a page's `layout`. */
export type StoredBlock = NonNullable<PageDoc['layout']>[number]

/** What every block component receives (themes/shared/Blocks.astro passes it). */
export interface BlockProps<Block> {
  block: Block
  locale: string
  defaultLocale: string
  /** The block's place on the page: the first block's picture loads eagerly. */
  index: number
  /** 1 for a hero that is the page's title, else 2. */
  headingLevel?: 1 | 2
}

/** A block's call-to-action links (cms/fields/link.ts). */
export type Actions = { link: StoredLink & { label?: string | null } }[] | null | undefined

export interface HeroBlock {
  id?: string | null
  heading: string
  text?: string | null
  image?: MediaDoc | null
  actions?: Actions
}
export interface RichTextBlock {
  id?: string | null
  content?: unknown
}
export interface MediaBlockBlock {
  id?: string | null
  image?: MediaDoc | null
  caption?: string | null
}
export interface CallToActionBlock {
  id?: string | null
  heading: string
  text?: string | null
  actions?: Actions
}
export interface FaqBlock {
  id?: string | null
  heading?: string | null
  items?: { question: string; answer: string }[] | null
}
export interface FeatureCardsBlock {
  id?: string | null
  heading?: string | null
  cards?: { title: string; text?: string | null; image?: MediaDoc | null; link?: (StoredLink & { label?: string | null }) | null }[] | null
}
export interface TestimonialsBlock {
  id?: string | null
  heading?: string | null
  items?: { quote: string; name: string; role?: string | null; avatar?: MediaDoc | null }[] | null
}
export interface LatestPostsBlock {
  id?: string | null
  heading?: string | null
  posts?: PostDoc[] | null
}

/**
 * A page's blocks in order, each with its place and heading level. A page that opens with a hero
 * uses the hero's heading as its one h1 (`heroIsTitle`); otherwise the view renders the title as h1.
 */
export function pageBlocks(page: PageDoc): { heroIsTitle: boolean; blocks: { block: StoredBlock; index: number; headingLevel: 1 | 2 }[] } {
  const layout = page.layout ?? []
  const heroIsTitle = layout[0]?.blockType === 'hero'
  return { heroIsTitle, blocks: layout.map((block, index) => ({ block, index, headingLevel: heroIsTitle && index === 0 ? 1 : 2 })) }
}

/** Up to two buttons with a label and a safe href; the first is the primary one. */
export function actionButtons(actions: Actions, locale: string, defaultLocale: string): { label: string; href: string }[] {
  return (actions ?? [])
    .map(({ link }) => ({ label: link.label ?? '', href: hrefOf(link, locale, defaultLocale) }))
    .filter((b): b is { label: string; href: string } => Boolean(b.href && b.label))
}

/** The hero's heading element, and its picture with the editor's focal point as CSS custom properties. */
export function heroModel({ block, headingLevel = 2 }: BlockProps<HeroBlock>): {
  Heading: 'h1' | 'h2'
  image: MediaDoc | null
  focus: string
} {
  const image = block.image && typeof block.image === 'object' ? block.image : null
  return { Heading: headingLevel === 1 ? 'h1' : 'h2', image, focus: `--fx: ${image?.focalX ?? 50}%; --fy: ${image?.focalY ?? 50}%` }
}

/** A rich-text block's HTML (functions/content/rich-text escapes text and keeps only safe links). */
export function richTextHtml({ block, locale, defaultLocale }: BlockProps<RichTextBlock>): string {
  return richTextToHtml(block.content, { locale, defaultLocale })
}

/** A feature block's cards, each with its link as a label and a safe href, or null without both. */
export function featureCards({ block, locale, defaultLocale }: BlockProps<FeatureCardsBlock>) {
  return (block.cards ?? []).map(({ link, ...card }) => {
    const href = hrefOf(link, locale, defaultLocale)
    return { ...card, link: href && link?.label ? { href, label: link.label } : null }
  })
}

/** The quotes of a testimonials block, none when empty. */
export const testimonials = ({ block }: BlockProps<TestimonialsBlock>) => block.items ?? []

/** The questions of an FAQ block, none when empty. */
export const faqItems = ({ block }: BlockProps<FaqBlock>) => block.items ?? []

/** The posts of a latest-posts block (the site fills them), none when empty. */
export const latestPosts = ({ block }: BlockProps<LatestPostsBlock>) => block.posts ?? []

/** Where a 404 page sends the reader: home and the blog, in their language. */
export function notFoundLinks(locale: string, defaultLocale: string): { home: string; blog: string } {
  return { home: localizedHref('/', locale, defaultLocale), blog: localizedHref('/blog', locale, defaultLocale) }
}
