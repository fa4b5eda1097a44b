import { type APIRequestContext, expect, test } from '@playwright/test'

import { SITEMAP_NS } from '../../functions/seo/sitemap'
import { childrenNamed, parseXml } from '../../functions/seo/xml-tree.test-helper'
import { e2e } from '../../playwright.config'
import { uniqueSlug, untilVisible } from './helpers'
import { until } from './product'

/** Signs in to the CMS's REST API as `who` and returns the Authorization header value. */
async function apiToken(request: APIRequestContext, who: { email: string; password: string }): Promise<string> {
  const response = await request.post(`${e2e.cmsUrl}/api/users/login`, { data: who })
  expect(response.status()).toBe(200)
  return `JWT ${(await response.json()).token}`
}

/** Every <loc> of every sitemap the index names. */
async function sitemapLocs(): Promise<string[]> {
  const index = await fetch(`${e2e.siteUrl}/sitemap.xml`)
  expect(index.status).toBe(200)
  expect(index.headers.get('content-type')).toBe('application/xml; charset=utf-8')
  const sitemaps = childrenNamed(parseXml(await index.text()), 'sitemap', SITEMAP_NS).map(
    (s) => childrenNamed(s, 'loc', SITEMAP_NS)[0]!.text,
  )
  expect(sitemaps).toEqual([`${e2e.siteUrl}/sitemap-zh-cn.xml`, `${e2e.siteUrl}/sitemap-en.xml`])
  const locs: string[] = []
  for (const url of sitemaps) {
    const response = await fetch(url)
    expect(response.headers.get('content-type'), url).toBe('application/xml; charset=utf-8')
    const urlset = parseXml(await response.text())
    expect([urlset.uri, urlset.local]).toEqual([SITEMAP_NS, 'urlset'])
    locs.push(...childrenNamed(urlset, 'url', SITEMAP_NS).map((u) => childrenNamed(u, 'loc', SITEMAP_NS)[0]!.text))
  }
  return locs
}

test('every page of the sitemap has one h1, a title, a description, a canonical, hreflang and a share image that loads', async ({
  page,
}) => {
  const locs = await sitemapLocs()
  // The seeded site: 4 pages, the blog, 3 categories and 9 posts, in both locales.
  expect(locs.length).toBeGreaterThanOrEqual(30)
  expect(locs).toContain(`${e2e.siteUrl}/`)
  expect(locs).toContain(`${e2e.siteUrl}/en`)
  const images = new Map<string, string>()
  let bilingual = 0
  for (const loc of locs) {
    expect(new URL(loc).origin, loc).toBe(e2e.siteUrl)
    const response = await page.goto(loc)
    expect(response?.status(), loc).toBe(200)
    await expect(page.locator('h1'), loc).toHaveCount(1)
    expect((await page.title()).trim(), loc).not.toBe('')
    expect((await page.locator('meta[name="description"]').getAttribute('content'))?.trim(), loc).toBeTruthy()
    await expect(page.locator('link[rel="canonical"]'), loc).toHaveAttribute('href', loc)
    // hreflang names the page itself; content in both languages also gets x-default (content in one, such as
    // a post another spec published in Chinese only, has nothing to point to).
    const hreflang = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]))
    expect(hreflang.filter(([, href]) => href === loc).length, loc).toBeGreaterThanOrEqual(1)
    const languages = hreflang.filter(([lang]) => lang !== 'x-default')
    expect(hreflang.filter(([lang]) => lang === 'x-default').length, loc).toBe(languages.length > 1 ? 1 : 0)
    bilingual += languages.length > 1 ? 1 : 0
    const ogImage = (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? ''
    expect(ogImage, loc).toMatch(new RegExp(`^${e2e.siteUrl}/`))
    await expect(page.locator('meta[itemprop="image"]'), loc).toHaveAttribute('content', ogImage)
    await expect(page.locator('meta[name="twitter:card"]'), loc).toHaveAttribute('content', 'summary_large_image')
    images.set(ogImage, loc)
  }
  // Every seeded page, category and post exists in both languages.
  expect(bilingual).toBeGreaterThanOrEqual(30)
  for (const [image, loc] of images) {
    const response = await fetch(image)
    expect(response.status, `${image} of ${loc}`).toBe(200)
    expect(response.headers.get('content-type'), image).toMatch(/^image\//)
  }
  // Pages without an image of their own get a generated one.
  expect([...images.keys()].some((url) => new URL(url).pathname.startsWith('/share-image/') && url.includes('.png?v='))).toBe(true)
})

test('a generated share image is a 1200×630 PNG, and an unknown page has none', async () => {
  const home = await fetch(`${e2e.siteUrl}/share-image/home.png`)
  expect(home.status).toBe(200)
  expect(home.headers.get('content-type')).toBe('image/png')
  const png = new Uint8Array(await home.arrayBuffer())
  const view = new DataView(png.buffer)
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
  expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630])
  expect((await fetch(`${e2e.siteUrl}/share-image/no-such-page.png`)).status).toBe(404)
  expect((await fetch(`${e2e.siteUrl}/share-image/about.jpg`)).status).toBe(404)
})

test('robots.txt and the RSS feeds answer with their types and point to absolute URLs', async () => {
  const robots = await fetch(`${e2e.siteUrl}/robots.txt`)
  expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  const text = await robots.text()
  expect(text).toContain('Disallow: /account\n')
  expect(text).toContain('Disallow: /en/account\n')
  expect(text).toContain(`Sitemap: ${e2e.siteUrl}/sitemap.xml\n`)

  for (const [path, language] of [
    ['/rss.xml', 'zh-cn'],
    ['/en/rss.xml', 'en'],
  ] as const) {
    const response = await fetch(`${e2e.siteUrl}${path}`)
    expect(response.status, path).toBe(200)
    expect(response.headers.get('content-type'), path).toBe('application/rss+xml; charset=utf-8')
    const rss = parseXml(await response.text())
    expect(rss.attributes.version?.value).toBe('2.0')
    const channel = childrenNamed(rss, 'channel', '')[0]!
    expect(childrenNamed(channel, 'language', '')[0]!.text).toBe(language)
    expect(childrenNamed(channel, 'link', 'http://www.w3.org/2005/Atom')[0]!.attributes.href?.value).toBe(`${e2e.siteUrl}${path}`)
    const items = childrenNamed(channel, 'item', '')
    expect(items.length, path).toBeGreaterThanOrEqual(9)
    const link = childrenNamed(items[0]!, 'link', '')[0]!.text
    expect(link).toMatch(new RegExp(`^${e2e.siteUrl}${path === '/rss.xml' ? '' : '/en'}/blog/[a-z0-9-]+$`))
    expect(childrenNamed(items[0]!, 'pubDate', '')[0]!.text).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    expect((await fetch(link)).status).toBe(200)
  }
  expect((await fetch(`${e2e.siteUrl}/zh-cn/rss.xml`)).status).toBe(404)
})

test('a post published through the API appears in the sitemap and the feed and leaves them when deleted; a draft never shows', async ({
  request,
}) => {
  const auth = await apiToken(request, e2e.editor)
  const published = uniqueSlug('e2e-seo-published')
  const draft = uniqueSlug('e2e-seo-draft')
  const ids: number[] = []
  try {
    for (const [slug, status] of [
      [published, 'published'],
      [draft, 'draft'],
    ] as const) {
      const created = await request.post(`${e2e.cmsUrl}/api/posts?locale=en`, {
        headers: { authorization: auth },
        data: { title: `SEO ${slug}`, slug, excerpt: 'Fresh & new', _status: status },
      })
      expect(created.status(), slug).toBe(201)
      ids.push((await created.json()).doc.id)
    }
    const url = `${e2e.siteUrl}/en/blog/${published}`
    // How soon: bench/editing.ts.
    await untilVisible(`${e2e.siteUrl}/sitemap-en.xml`, url)
    await untilVisible(`${e2e.siteUrl}/en/rss.xml`, url)
    for (const path of ['/sitemap-en.xml', '/sitemap-zh-cn.xml', '/en/rss.xml', '/rss.xml']) {
      expect(await (await fetch(`${e2e.siteUrl}${path}`)).text(), path).not.toContain(draft)
    }
    // Written in English only: not in the Chinese sitemap.
    expect(await (await fetch(`${e2e.siteUrl}/sitemap-zh-cn.xml`)).text()).not.toContain(published)
  } finally {
    // Other specs count the English posts: leave the seeded set as it was.
    for (const id of ids)
      expect((await request.delete(`${e2e.cmsUrl}/api/posts/${id}`, { headers: { authorization: auth } })).status()).toBe(200)
  }
  await expect
    .poll(async () => (await (await fetch(`${e2e.siteUrl}/sitemap-en.xml`)).text()).includes(published), { timeout: 5000 })
    .toBe(false)
})

test('a redirect created in the CMS answers 301 with its Location and the query kept; paths have one canonical form', async ({
  request,
}) => {
  const auth = await apiToken(request, e2e.editor)
  const from = `/${uniqueSlug('old-about')}`
  const created = await request.post(`${e2e.cmsUrl}/api/redirects`, {
    headers: { authorization: auth },
    data: { from: `${from.toUpperCase()}/`, to: '/about', status: '301' },
  })
  expect(created.status()).toBe(201)
  expect((await created.json()).doc.from).toBe(from)

  // How soon it answers: bench/editing.ts.
  let response: Response | undefined
  await until(
    'the new redirect to answer 301',
    async () => {
      response = await fetch(`${e2e.siteUrl}${from}?utm_source=weibo`, { redirect: 'manual' })
      return response.status === 301
    },
    15_000,
  )
  expect(response!.headers.get('location')).toBe('/about?utm_source=weibo')

  // A bad target is refused (the admin shows the field's own message beside it; the production API names the field),
  // and visitors cannot read redirects over the API.
  const bad = await request.post(`${e2e.cmsUrl}/api/redirects`, {
    headers: { authorization: auth },
    data: { from: '/x-bad', to: 'javascript:alert(1)', status: '301' },
  })
  expect(bad.status()).toBe(400)
  expect(await bad.json()).toEqual({ errors: [{ message: 'The following field is invalid: To' }] })
  expect((await fetch(`${e2e.cmsUrl}/api/redirects`)).status).toBe(403)

  for (const [path, location] of [
    ['/About/', '/about'],
    ['/en/', '/en'],
    ['/EN/Blog?page=1', '/en/blog?page=1'],
    ['//evil.example/', '/evil.example'],
  ]) {
    const answer = await fetch(`${e2e.siteUrl}${path}`, { redirect: 'manual' })
    expect(answer.status, path).toBe(301)
    expect(answer.headers.get('location'), path).toBe(location)
  }
  expect((await fetch(`${e2e.siteUrl}/about`, { redirect: 'manual' })).status).toBe(200)
})

test("a post has share buttons with the platforms' URLs, a WeChat QR code, JSON-LD, and copy-link that works", async ({ browser }) => {
  const context = await browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.siteUrl })
  const page = await context.newPage()
  await page.goto(`${e2e.siteUrl}/en/blog`)
  const href = (await page.locator('main article h2 a').first().getAttribute('href'))!
  await page.goto(`${e2e.siteUrl}${href}`)
  const url = `${e2e.siteUrl}${href}`
  const title = (await page.locator('h1').textContent())!.trim()
  const q = encodeURIComponent
  const share = page.locator('aside.share')
  await expect(share.locator('[data-share="weibo"]')).toHaveAttribute(
    'href',
    `https://service.weibo.com/share/share.php?url=${q(url)}&title=${q(title)}`,
  )
  await expect(share.locator('[data-share="linkedin"]')).toHaveAttribute(
    'href',
    `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`,
  )
  await expect(share.locator('[data-share="x"]')).toHaveAttribute('href', `https://x.com/intent/tweet?url=${q(url)}&text=${q(title)}`)
  await expect(share.locator('[data-share="facebook"]')).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`)
  await expect(share.locator('[data-share="email"]')).toHaveAttribute('href', `mailto:?subject=${q(title)}&body=${q(url)}`)
  await expect(share.locator('.qr svg path')).toHaveCount(1)
  await expect(share.locator('figcaption')).toHaveText('Scan with WeChat to share')

  const copy = share.locator('[data-copy-link]')
  await expect(copy).toHaveAttribute('href', url)
  await copy.click()
  await expect(copy).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)
  expect(page.url()).toBe(url)

  const graph = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)['@graph']
  expect(graph.map((node: { '@type': string }) => node['@type'])).toEqual(['Organization', 'Article', 'BreadcrumbList'])
  expect(graph[1].mainEntityOfPage).toBe(url)
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await context.close()
})
