import AddOnWechat from '../../shared/AddOnWechat.astro'
import FormSlot from '../../shared/FormSlot.astro'
import type { BlockComponents } from '../../theme'
import CallToAction from './CallToAction.astro'
import Faq from './Faq.astro'
import FeatureCards from './FeatureCards.astro'
import Hero from './Hero.astro'
import LatestPosts from './LatestPosts.astro'
import MediaBlock from './MediaBlock.astro'
import RichText from './RichText.astro'
import Testimonials from './Testimonials.astro'

/**
 * The editorial theme's component for every block type. The lead form and the WeChat codes are shared
 * components (themes/shared/FormSlot.astro, AddOnWechat.astro): its behaviour must be the same in every theme, and it takes its
 * look from this theme's tokens.
 */
export const blocks: BlockComponents = {
  hero: Hero,
  richText: RichText,
  mediaBlock: MediaBlock,
  callToAction: CallToAction,
  featureCards: FeatureCards,
  faq: Faq,
  testimonials: Testimonials,
  latestPosts: LatestPosts,
  formSlot: FormSlot,
  addOnWechat: AddOnWechat,
}
