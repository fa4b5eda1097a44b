'use client'
// The admin half of the safe automatic-link feature: registers ./transform on every editor.
import { $createAutoLinkNode, $isAutoLinkNode, createClientFeature } from '@payloadcms/richtext-lexical/client'
import { TextNode } from '@payloadcms/richtext-lexical/lexical'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

import { autoLinkTransform } from './transform'

const $autoLinkTransform = autoLinkTransform({ $createAutoLinkNode, $isAutoLinkNode })

/** Turns typed web and email addresses into links while the editor types (see ./transform.ts). */
function AutoLinkPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => editor.registerNodeTransform(TextNode, $autoLinkTransform), [editor])
  return null
}

/** The client feature named by ./index.ts. */
export const SafeAutoLinkFeatureClient = createClientFeature({
  plugins: [{ Component: AutoLinkPlugin, position: 'normal' }],
})
