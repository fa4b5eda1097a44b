import { describe, expect, it } from 'vitest'

import { continuesLink, findLink, linkFor, startsCleanly } from './link-detection'

const alone = { before: '', after: '' }

describe('findLink', () => {
  it.each([
    // [text, context, expected link text, expected url]
    ['hello@cinnabar.example', { before: '邮箱：', after: '' }, 'hello@cinnabar.example', 'mailto:hello@cinnabar.example'],
    ['邮箱：hello@cinnabar.example', alone, 'hello@cinnabar.example', 'mailto:hello@cinnabar.example'],
    [
      'https://cinnabar.example/about',
      {
        before: '官网：',
        after: '',
      },
      'https://cinnabar.example/about',
      'https://cinnabar.example/about',
    ],
    ['（https://example.com）', alone, 'https://example.com', 'https://example.com'],
    ['(see https://example.com/a_(b))', alone, 'https://example.com/a_(b)', 'https://example.com/a_(b)'],
    ['访问 https://example.com。', alone, 'https://example.com', 'https://example.com'],
    ['访问https://example.com，谢谢', alone, 'https://example.com', 'https://example.com'],
    ['Visit www.example.com.', alone, 'www.example.com', 'https://www.example.com'],
    ['Email: hello@cinnabar.example, or call.', alone, 'hello@cinnabar.example', 'mailto:hello@cinnabar.example'],
    ['https://example.com/search?q=a&b=c#top!', alone, 'https://example.com/search?q=a&b=c#top', 'https://example.com/search?q=a&b=c#top'],
    ['x/https://a.com then https://b.com', alone, 'https://b.com', 'https://b.com'],
  ])('%s (before %j) links %s', (text, context, linkText, url) => {
    const link = findLink(text, context)
    expect(link && { text: link.text, url: link.url, at: text.slice(link.start, link.end) }).toEqual({ text: linkText, url, at: linkText })
  })

  it.each([
    // A link glued to the neighbouring text of another format is left alone, whole or not at all.
    ['hello@cinnabar.example', { before: 'abc', after: '' }],
    ['hello@cinnabar.exam', { before: '', after: 'ple' }],
    ['https://example.c', { before: '', after: 'om' }],
    ['no link here：电话 021-5888 0000', alone],
    ['localhost:3000 and @handle', alone],
    ['', alone],
  ])('%s (context %j) has no link', (text, context) => {
    expect(findLink(text, context)).toBeNull()
  })
})

describe('the link a created link is checked against', () => {
  it.each([
    ['邮箱：hello@cinnabar.example。', alone],
    ['Write to hello@cinnabar.example.', alone],
    ['（https://example.com）', alone],
    ['官网：https://cinnabar.example', alone],
    ['a https://example.com/x.', alone],
  ])('a link found in %s passes the checks made on it later', (text, context) => {
    const link = findLink(text, context)!
    expect(linkFor(link.text)).toBe(link.url)
    expect(startsCleanly(text.slice(0, link.start))).toBe(true)
    expect(continuesLink(link.text, text.slice(link.end))).toBe(false)
  })
})

describe('continuesLink', () => {
  it.each([
    ['https://example.c', 'om', true],
    ['https://example.com', '.cn', true],
    ['https://example.com', '.', false],
    ['https://example.com', '。', false],
    ['https://example.com', '）', false],
    ['hello@cinnabar.example', ' ', false],
    ['hello@cinnabar.example', 'x', true],
    ['hello@cinnabar.example', '', false],
  ])('%s followed by %j: %s', (linkText, following, expected) => {
    expect(continuesLink(linkText, following)).toBe(expected)
  })
})
