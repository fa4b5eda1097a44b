// The automatic-link transform in a headless Lexical editor with Payload's real link nodes: the
// contact lines that froze Payload's own AutoLinkPlugin settle into links, and typing behaves.
import { $createAutoLinkNode, $isAutoLinkNode, AutoLinkNode, LinkNode } from '@payloadcms/richtext-lexical'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
  TextNode,
} from '@payloadcms/richtext-lexical/lexical'
import { createHeadlessEditor } from '@payloadcms/richtext-lexical/lexical/headless'
import { describe, expect, it } from 'vitest'

import { autoLinkTransform } from './transform'

const IS_BOLD = 1

type Run = string | { bold: string }

/** An editor holding one paragraph of `runs`, with the transform registered after it loaded (as in the admin). */
function editorWith(runs: Run[]): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [LinkNode, AutoLinkNode],
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      const paragraph = $createParagraphNode()
      for (const run of runs)
        paragraph.append(typeof run === 'string' ? $createTextNode(run) : $createTextNode(run.bold).setFormat(IS_BOLD))
      $getRoot().clear().append(paragraph)
    },
    { discrete: true },
  )
  editor.registerNodeTransform(TextNode, autoLinkTransform({ $createAutoLinkNode, $isAutoLinkNode }))
  editor.update(() => {}, { discrete: true })
  return editor
}

/** Types `text` one character at a time at the end of the paragraph, one update per key. */
function type(editor: LexicalEditor, text: string): void {
  for (const char of text) {
    editor.update(() => $getRoot().getLastDescendant()?.selectEnd().insertText(char), { discrete: true })
  }
}

/** The paragraph as short strings: `**bold**`, `[text](url)`, plain text. */
function shape(editor: LexicalEditor): string[] {
  const describe = (node: LexicalNode): string => {
    if ($isAutoLinkNode(node)) return `[${node.getTextContent()}](${node.getFields().url})`
    if ($isTextNode(node)) return node.hasFormat('bold') ? `**${node.getTextContent()}**` : node.getTextContent()
    return $isElementNode(node) ? node.getChildren().map(describe).join('') : ''
  }
  return editor.getEditorState().read(() => {
    const paragraph = $getRoot().getFirstChild()
    return $isElementNode(paragraph) ? paragraph.getChildren().map(describe) : []
  })
}

describe('loading content', () => {
  it.each<[Run[], string[]]>([
    [
      [{ bold: '邮箱：' }, 'hello@cinnabar.example'],
      ['**邮箱：**', '[hello@cinnabar.example](mailto:hello@cinnabar.example)'],
    ],
    [
      [{ bold: '官网：' }, 'https://cinnabar.example/about'],
      ['**官网：**', '[https://cinnabar.example/about](https://cinnabar.example/about)'],
    ],
    [['详情见（https://example.com/guide）'], ['详情见（', '[https://example.com/guide](https://example.com/guide)', '）']],
    [['请访问 https://example.com/start。'], ['请访问 ', '[https://example.com/start](https://example.com/start)', '。']],
    [
      ['邮箱：a@x.example，官网：www.x.example'],
      ['邮箱：', '[a@x.example](mailto:a@x.example)', '，官网：', '[www.x.example](https://www.x.example)'],
    ],
    [
      [{ bold: 'Email: ' }, 'hello@cinnabar.example'],
      ['**Email: **', '[hello@cinnabar.example](mailto:hello@cinnabar.example)'],
    ],
    // Glued to a differently formatted neighbour: left alone rather than linked in part.
    [
      [{ bold: 'hello@cinnabar.exam' }, 'ple'],
      ['**hello@cinnabar.exam**', 'ple'],
    ],
    [
      [{ bold: '电话：' }, '021-5888 0000（工作日 9:30–18:30）'],
      ['**电话：**', '021-5888 0000（工作日 9:30–18:30）'],
    ],
  ])('%j settles as %j', (runs, expected) => {
    expect(shape(editorWith(runs))).toEqual(expected)
  })
})

describe('typing', () => {
  it('links a web address as it is typed and keeps the sentence punctuation out', () => {
    const editor = editorWith([''])
    type(editor, '官网：https://example.com/a。')
    expect(shape(editor)).toEqual(['官网：', '[https://example.com/a](https://example.com/a)', '。'])
  })

  it('follows an address that is still being typed', () => {
    const editor = editorWith([''])
    type(editor, 'write to hello@x.co')
    expect(shape(editor)).toEqual(['write to ', '[hello@x.co](mailto:hello@x.co)'])
    type(editor, 'm today')
    expect(shape(editor)).toEqual(['write to ', '[hello@x.com](mailto:hello@x.com)', ' today'])
  })

  it('takes the link away when its text stops being an address', () => {
    const editor = editorWith(['see https://example.com'])
    editor.update(
      () => {
        const link = $getRoot()
          .getAllTextNodes()
          .find((node) => $isAutoLinkNode(node.getParent()))!
        link.setTextContent('see-this')
      },
      { discrete: true },
    )
    expect(shape(editor)).toEqual(['see see-this'])
  })
})
