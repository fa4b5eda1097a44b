// The Lexical side of automatic links: a text-node transform that turns a typed web or email
// address into Payload's AutoLinkNode, and takes a link apart again when its text stops being one.
// It replaces Payload's AutoLinkPlugin, which loops forever on Chinese text (see ./index.ts).
//
// Why this cannot loop: a link is only ever made out of ONE text node, and only when the checks of
// functions/content/link-detection.ts pass with the texts that will be its neighbours; a link is
// only taken apart when the same checks fail. A link this transform makes therefore never fails its
// own check, and a link taken apart is never made again from the same text.
import type { $createAutoLinkNode, $isAutoLinkNode, AutoLinkNode } from '@payloadcms/richtext-lexical/client'
import { $isElementNode, $isTextNode, type LexicalNode, type TextNode } from '@payloadcms/richtext-lexical/lexical'

import { continuesLink, findLink, linkFor, startsCleanly } from '../../../functions/content/link-detection'

/**
 * Payload's AutoLinkNode helpers. Passed in rather than imported: the admin takes them from
 * `@payloadcms/richtext-lexical/client`, which only a browser bundle can load; tests take the same
 * classes from the package's main entry.
 */
export interface AutoLinkNodes {
  $createAutoLinkNode: typeof $createAutoLinkNode
  $isAutoLinkNode: typeof $isAutoLinkNode
}

/** The text next to a node on the page: a neighbour's text, or nothing at the edge of a paragraph. */
function textOf(node: LexicalNode | null): string {
  return node ? node.getTextContent() : ''
}

/** Puts a link's children back in its place, as plain text. */
function $unwrap(link: AutoLinkNode): void {
  for (const child of link.getChildren().reverse()) link.insertAfter(child)
  link.remove()
}

/** True when the text around `link` still lets it stand as a link of its own. */
function fitsBetweenNeighbours(link: AutoLinkNode): boolean {
  const text = link.getTextContent()
  return startsCleanly(textOf(link.getPreviousSibling())) && !continuesLink(text, textOf(link.getNextSibling()))
}

/** The transform to register for every text node of an editor, working with Payload's `nodes`. */
export function autoLinkTransform({ $createAutoLinkNode, $isAutoLinkNode }: AutoLinkNodes): (node: TextNode) => void {
  /** Keeps an automatic link true to its text: a new URL when the text was edited, plain text when it is no link any more. */
  function $checkLink(link: AutoLinkNode): void {
    const url = linkFor(link.getTextContent())
    const simpleText = link.getChildren().every((child) => $isTextNode(child) && child.isSimpleText())
    if (url === null || !simpleText || !fitsBetweenNeighbours(link)) {
      $unwrap(link)
      return
    }
    const fields = link.getFields()
    if (fields.url !== url) link.setFields({ ...fields, url })
  }

  /** Turns the first address in a plain text node into a link of its own. */
  function $linkFirstAddress(node: TextNode): void {
    const text = node.getTextContent()
    const found = findLink(text, { before: textOf(node.getPreviousSibling()), after: textOf(node.getNextSibling()) })
    if (!found) return
    const parts = node.splitText(found.start, found.end)
    const linkText = found.start === 0 ? parts[0] : parts[1]
    if (!linkText) return
    const link = $createAutoLinkNode({ fields: { linkType: 'custom', newTab: false, url: found.url } })
    // The text node moves into the link (rather than being copied) so the caret stays where it was.
    linkText.insertBefore(link)
    link.append(linkText)
    // Any address after this one is in the remaining text node, which Lexical transforms next.
  }

  return function $autoLinkTransform(node: TextNode): void {
    const parent = node.getParent()
    if ($isAutoLinkNode(parent)) {
      $checkLink(parent)
      return
    }
    // A link an editor made by hand, or text inside another inline element, is not ours to change.
    if (!$isElementNode(parent) || parent.isInline() || !node.isSimpleText()) return
    const previous = node.getPreviousSibling()
    const next = node.getNextSibling()
    // Typing next to an automatic link may change whether it is still one: check it again.
    if ($isAutoLinkNode(previous) && !fitsBetweenNeighbours(previous)) $unwrap(previous)
    if ($isAutoLinkNode(next) && !fitsBetweenNeighbours(next)) $unwrap(next)
    $linkFirstAddress(node)
  }
}
