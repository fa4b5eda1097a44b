import { describe, expect, it } from 'vitest'

import { contentPages, contentViews, createPageViewRecorder, mayBeContentPage } from './page-views'

describe('page views', () => {
  it('leave out account pages, search, previews and links at once', () => {
    for (const path of ['/account', '/en/account/profile', '/search', '/preview', '/go/x', '/l/token', '/unsubscribe'])
      expect(mayBeContentPage(path)).toBe(false)
    for (const path of ['/', '/blog/a', '/en/accounting-basics']) expect(mayBeContentPage(path)).toBe(true)
  })

  it('count a reload within ten minutes once, and keep what a failed write gives back', () => {
    const recorder = createPageViewRecorder()
    const at = new Date('2026-03-01T10:00:00Z')
    expect(recorder.note('vA', '/blog/a', at)).toBe(true)
    expect(recorder.note('vA', '/blog/a', new Date(at.getTime() + 60_000))).toBe(false)
    expect(recorder.note('vB', '/blog/a', at)).toBe(true)
    expect(recorder.note('vA', '/blog/a', new Date(at.getTime() + 11 * 60_000))).toBe(true)
    const taken = recorder.take()
    expect(taken).toHaveLength(3)
    recorder.retry(taken)
    expect(recorder.pending()).toBe(3)
  })

  it('keep only content pages, with their categories, in every locale', () => {
    const pages = contentPages(
      {
        pages: [{ path: 'home' }, { path: 'about' }],
        posts: [{ slug: 'a', categories: [1, { id: 2 }] }],
        categories: [
          { id: 1, slug: 'brand' },
          { id: 2, slug: 'news' },
        ],
      },
      (path) => [path, path === '/' ? '/en' : `/en${path}`],
    )
    const at = new Date('2026-03-01T10:00:00Z')
    const rows = contentViews(
      ['/en/blog/a', '/about', '/missing', '/blog/category/news', '/en'].map((path) => ({ visitor: 'vA', path, at })),
      pages,
    )
    expect(rows.map((r) => [r.path, r.categories])).toEqual([
      ['/en/blog/a', ['brand', 'news']],
      ['/about', []],
      ['/blog/category/news', ['news']],
      ['/en', []],
    ])
  })
})
