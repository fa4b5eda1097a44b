import { AddOnWechat } from './AddOnWechat'
import { CallToAction } from './CallToAction'
import { Faq } from './Faq'
import { FeatureCards } from './FeatureCards'
import { FormSlot } from './FormSlot'
import { Hero } from './Hero'
import { LatestPosts } from './LatestPosts'
import { MediaBlock } from './MediaBlock'
import { RichText } from './RichText'
import { Testimonials } from './Testimonials'

/** Every block a page layout may hold, in the order editors see them. */
export const pageBlocks = [Hero, RichText, MediaBlock, CallToAction, FeatureCards, Faq, Testimonials, LatestPosts, FormSlot, AddOnWechat]
