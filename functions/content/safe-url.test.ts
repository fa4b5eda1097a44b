import { describe, expect, it } from 'vitest'

import { editorUrlProblem, safeHref } from './safe-url'

const HOSTILE = [
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/path',
  '/\\evil.example',
  'https:evil.example',
  'http:/evil.example',
  'https:///evil.example',
  'mailto://evil.example',
  'tel:javascript:alert(1)',
  'weibo.com/brand',
  `https://example.com/${'a'.repeat(2100)}`,
]

describe('safeHref, the one allow-list for rendered links', () => {
  it.each(HOSTILE)('refuses %j', (url) => {
    expect(safeHref(url)).toBeNull()
    expect(editorUrlProblem(url)).toMatch(/^(Use a link starting with https:\/\/|A link may be at most 2048)/)
  })

  it.each([
    ['https://weibo.com/brand', 'https://weibo.com/brand'],
    [' HTTP://example.com ', 'HTTP://example.com'],
    ['mailto:hello@brand.example', 'mailto:hello@brand.example'],
    ['tel:+8613800138000', 'tel:+8613800138000'],
    ['/contact?from=footer', '/contact?from=footer'],
    ['#pricing', '#pricing'],
  ])('keeps %j', (url, href) => {
    expect(safeHref(url)).toBe(href)
    expect(editorUrlProblem(url)).toBeNull()
  })

  it('renders a stored link with a space (escaped by the template) but does not let an editor save one', () => {
    expect(safeHref('https://weibo.com/a b')).toBe('https://weibo.com/a b')
    expect(editorUrlProblem('https://weibo.com/a b')).toBe(
      'Use a link starting with https://, http://, mailto:, tel:, or a path on this site such as /contact (no spaces).',
    )
  })

  it('has no objection to an empty optional field and refuses what is not text', () => {
    expect([editorUrlProblem(''), editorUrlProblem(null), editorUrlProblem(undefined)]).toEqual([null, null, null])
    expect([safeHref(42), safeHref(null), safeHref({ href: '/x' })]).toEqual([null, null, null])
  })
})
