// Automatic links that are safe for Chinese text, in place of Payload's own AutoLinkPlugin.
//
// Payload 3.90's AutoLinkPlugin (richtext-lexical features/link/client/plugins/autoLink) freezes the
// admin for good on a line such as bold "邮箱：" followed by plain "hello@cinnabar.example": its email
// pattern accepts the full-width colon in an address, so the match spans both text nodes, and its
// copy of Lexical's `$createAutoLinkNode_` walks the nodes from the first one instead of the second
// (upstream @lexical/link starts at index 1). The link it builds then holds the wrong text, its own
// edit check takes it apart, the transform builds it again, and so on without end (reported
// upstream as payloadcms/payload#17561). `disableAutoLinks: 'creationOnly'` (./../index.ts) turns that
// plugin off while keeping its AutoLinkNode, which this feature creates instead.
import { createServerFeature } from '@payloadcms/richtext-lexical'

/** The safe automatic-link feature; needs Payload's link feature for its AutoLinkNode. */
export const SafeAutoLinkFeature = createServerFeature({
  feature: { ClientFeature: '/editor/autoLink/client#SafeAutoLinkFeatureClient' },
  key: 'safeAutoLink',
  dependencies: ['link'],
})
