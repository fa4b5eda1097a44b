// The rich-text editor every richText field uses.
import { lexicalEditor, LinkFeature } from '@payloadcms/richtext-lexical'

import { SafeAutoLinkFeature } from './autoLink'

/**
 * Payload's default features, with its automatic links replaced by our own (./autoLink explains why).
 * Existing automatic links still load and render; only their creation and upkeep move to our feature.
 */
export const richTextEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'link'),
    LinkFeature({ disableAutoLinks: 'creationOnly' }),
    SafeAutoLinkFeature(),
  ],
})
