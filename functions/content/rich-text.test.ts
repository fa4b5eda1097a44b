import { describe, expect, it } from 'vitest'

import { richTextToHtml, richTextToPlainText } from './rich-text'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format })
const p = (...children: unknown[]) => ({ type: 'paragraph', children })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })
const options = { locale: 'en', defaultLocale: 'zh-CN' }

describe('richTextToHtml', () => {
  it.each<[string, unknown, string]>([
    ['a paragraph', doc(p(text('Hello'))), '<p>Hello</p>'],
    [
      'formats',
      doc(p(text('b', 1), text('i', 2), text('bi', 3), text('c', 16))),
      '<p><strong>b</strong><em>i</em><em><strong>bi</strong></em><code>c</code></p>',
    ],
    [
      'headings, h1 demoted',
      doc({ type: 'heading', tag: 'h1', children: [text('T')] }, { type: 'heading', tag: 'h3', children: [text('S')] }),
      '<h2>T</h2><h3>S</h3>',
    ],
    [
      'lists',
      doc({ type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('one')] }] }),
      '<ol><li>one</li></ol>',
    ],
    ['quote and rule', doc({ type: 'quote', children: [text('q')] }, { type: 'horizontalrule' }), '<blockquote>q</blockquote><hr>'],
    ['linebreak', doc(p(text('a'), { type: 'linebreak' }, text('b'))), '<p>a<br>b</p>'],
    [
      'an external link in a new tab',
      doc(p({ type: 'link', fields: { linkType: 'custom', url: 'https://example.com/?a=1&b=2', newTab: true }, children: [text('x')] })),
      '<p><a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">x</a></p>',
    ],
    [
      'a site link gets the locale prefix',
      doc(p({ type: 'link', fields: { linkType: 'custom', url: '/blog' }, children: [text('x')] })),
      '<p><a href="/en/blog">x</a></p>',
    ],
    [
      'an internal link to a post',
      doc(
        p({
          type: 'link',
          fields: { linkType: 'internal', doc: { relationTo: 'posts', value: { slug: 'my-post' } } },
          children: [text('x')],
        }),
      ),
      '<p><a href="/en/blog/my-post">x</a></p>',
    ],
    [
      'an internal link to a page',
      doc(
        p({
          type: 'link',
          fields: { linkType: 'internal', doc: { relationTo: 'pages', value: { path: 'about' } } },
          children: [text('x')],
        }),
      ),
      '<p><a href="/en/about">x</a></p>',
    ],
    [
      'an unpopulated internal link renders its text',
      doc(p({ type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'pages', value: 3 } }, children: [text('x')] })),
      '<p>x</p>',
    ],
    // Hostile input.
    ['script in text', doc(p(text('<script>alert(1)</script>'))), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['a javascript: link', doc(p({ type: 'link', fields: { url: 'javascript:alert(1)' }, children: [text('x')] })), '<p>x</p>'],
    ['a data: link', doc(p({ type: 'link', fields: { url: 'data:text/html,<b>' }, children: [text('x')] })), '<p>x</p>'],
    ['a protocol-relative link', doc(p({ type: 'link', fields: { url: '//evil.example' }, children: [text('x')] })), '<p>x</p>'],
    [
      'quotes in an URL',
      doc(p({ type: 'link', fields: { url: 'https://e.com/" onmouseover="x' }, children: [text('x')] })),
      '<p><a href="https://e.com/&quot; onmouseover=&quot;x">x</a></p>',
    ],
    [
      'an upload with escaped alt',
      doc({ type: 'upload', value: { filename: 'a.png', alt: '"x"', width: 10, height: 5 } }),
      '<img src="/media/a.png" alt="&quot;x&quot;" width="10" height="5" loading="lazy" decoding="async">',
    ],
    ['unknown nodes render their children', doc({ type: 'mystery', children: [text('kept')] }), 'kept'],
    ['null', null, ''],
    ['a string', 'not lexical', ''],
    ['children not an array', { root: { children: 'x' } }, ''],
    ['a non-numeric format', doc(p({ type: 'text', text: 'x', format: 'bold' })), '<p>x</p>'],
  ])('%s', (_, state, expected) => {
    expect(richTextToHtml(state, options)).toBe(expected)
  })

  it('stops at absurd nesting instead of overflowing the stack', () => {
    let node: unknown = text('deep')
    for (let i = 0; i < 10_000; i++) node = { type: 'quote', children: [node] }
    const html = richTextToHtml(doc(node), options)
    expect(html.startsWith('<blockquote>')).toBe(true)
    expect(html).not.toContain('deep')
  })
})

describe('richTextToPlainText', () => {
  it('joins blocks with newlines and drops markup', () => {
    expect(richTextToPlainText(doc(p(text('Hello '), text('world', 1)), { type: 'heading', children: [text('T')] }))).toBe('Hello world\nT')
    expect(richTextToPlainText(undefined)).toBe('')
  })
})
