import { describe, expect, it } from 'vitest'

import { type MatchedRoute, matchRoute } from './routes'

const LOCALES = ['zh-CN', 'en']
const zh = (route: MatchedRoute['route']): MatchedRoute => ({ locale: 'zh-CN', route })
const en = (route: MatchedRoute['route']): MatchedRoute => ({ locale: 'en', route })
const notFound = { kind: 'notFound' } as const

describe('matchRoute', () => {
  const table: [string, MatchedRoute][] = [
    ['/', zh({ kind: 'page', path: 'home' })],
    ['', zh({ kind: 'page', path: 'home' })],
    ['/about', zh({ kind: 'page', path: 'about' })],
    ['/about/', zh({ kind: 'page', path: 'about' })],
    ['/solutions/retail', zh({ kind: 'page', path: 'solutions/retail' })],
    ['/en', en({ kind: 'page', path: 'home' })],
    ['/en/', en({ kind: 'page', path: 'home' })],
    ['/en/about', en({ kind: 'page', path: 'about' })],
    ['/blog', zh({ kind: 'blog', page: 1 })],
    ['/blog/page/2', zh({ kind: 'blog', page: 2 })],
    ['/en/blog/page/3', en({ kind: 'blog', page: 3 })],
    ['/blog/my-post', zh({ kind: 'post', slug: 'my-post' })],
    ['/en/blog/my-post', en({ kind: 'post', slug: 'my-post' })],
    ['/blog/category/news', zh({ kind: 'category', slug: 'news', page: 1 })],
    ['/blog/category/news/page/2', zh({ kind: 'category', slug: 'news', page: 2 })],
    ['/search', zh({ kind: 'search' })],
    ['/search/', zh({ kind: 'search' })],
    ['/en/search', en({ kind: 'search' })],
    ['/search/more', zh({ kind: 'page', path: 'search/more' })],
    ['/Search', zh(notFound)],
    // Hostile and malformed paths are notFound, never an error.
    ['/home', zh(notFound)],
    ['/zh-cn/about', zh(notFound)],
    ['/blog/..%2f..%2fetc%2fpasswd', zh(notFound)],
    ['/blog/%2e%2e', zh(notFound)],
    ['/..%5c..%5cwindows', zh(notFound)],
    ['/%E0%A4%A', zh(notFound)],
    ['/About', zh(notFound)],
    ['/blog/page/0', zh(notFound)],
    ['/blog/page/01', zh(notFound)],
    ['/blog/page/abc', zh(notFound)],
    ['/blog/page/99999999999', zh(notFound)],
    ['/blog/a/b', zh(notFound)],
    ['/blog/category', zh(notFound)],
    ['/blog/category/news/page', zh(notFound)],
    ['/blog/category/news/extra', zh(notFound)],
    ['/__proto__', zh(notFound)],
    ['/关于', zh(notFound)],
    ['/' + 'a'.repeat(300), zh(notFound)],
    ['/a--b', zh(notFound)],
  ]
  it.each(table)('%s', (pathname, expected) => {
    expect(matchRoute(pathname, LOCALES, 'zh-CN')).toEqual(expected)
  })

  it('serves English at the root when English is the default locale', () => {
    expect(matchRoute('/about', LOCALES, 'en')).toEqual({ locale: 'en', route: { kind: 'page', path: 'about' } })
    expect(matchRoute('/zh-cn/about', LOCALES, 'en')).toEqual({ locale: 'zh-CN', route: { kind: 'page', path: 'about' } })
    expect(matchRoute('/en/about', LOCALES, 'en')).toEqual({ locale: 'en', route: notFound })
  })
})
