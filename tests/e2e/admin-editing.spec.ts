// The admin as editors use it, in both languages: every view opens, becomes interactive and takes
// typing without freezing the browser (issue 18: the Chinese contact page froze the tab for good).
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { signIn, uniqueSlug, untilVisible } from './helpers'
import { blockedTooLong, longestTaskMs, restartWatch, watchMainThread } from './main-thread'

const LOCALES = ['zh-CN', 'en']
const VIEW_TIMEOUT_MS = 20_000
const TYPED = ' 校对e2e'
/**
 * Edit views opened per collection and language for documents without rich text: one shows that the
 * collection's edit view opens and answers; more of the same view only cost CI minutes (three made
 * this spec ten of Playwright's seventeen).
 */
const PLAIN_DOCS_PER_COLLECTION = 1

interface View {
  what: string
  url: string
  kind: 'list' | 'edit'
  /** Paths of the rich-text fields the edit view shows, such as `body` or `layout.0.content`. */
  richText: string[]
}

/** The collections and globals in the admin's navigation, as their admin paths. */
async function adminSections(page: Page): Promise<string[]> {
  const hrefs = await page.locator('nav a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  return [...new Set(hrefs.filter((href) => /^\/admin\/(collections|globals)\/[a-z-]+$/.test(href)))]
}

/** GETs a REST path from inside the signed-in page (the browser sends what Payload's CSRF check wants). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'include' })
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
    return response.json()
  }, path)
}

/** The paths of every rich-text value in a document: anything holding a Lexical `root`. */
function richTextPaths(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => richTextPaths(item, [...path, String(index)]))
  if (!value || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  if ((record.root as { type?: string } | undefined)?.type === 'root') return [path.join('.')]
  return Object.entries(record).flatMap(([key, child]) => richTextPaths(child, [...path, key]))
}

/** Every list view and global of the admin, and its edit views (see PLAIN_DOCS_PER_COLLECTION), in every language. */
async function allViews(page: Page, sections: string[]): Promise<View[]> {
  const views: View[] = []
  for (const section of sections) {
    const [, , kind, slug] = section.split('/')
    for (const locale of LOCALES) {
      const query = `depth=0&draft=true&locale=${locale}&fallback-locale=none`
      if (kind === 'globals') {
        const doc = await apiGet<unknown>(page, `/api/globals/${slug}?${query}`)
        views.push({ what: `global ${slug} (${locale})`, url: `${section}?locale=${locale}`, kind: 'edit', richText: richTextPaths(doc) })
        continue
      }
      views.push({ what: `${slug} list (${locale})`, url: `${section}?locale=${locale}`, kind: 'list', richText: [] })
      const found = await apiGet<{ docs: { id: number | string }[]; totalDocs: number }>(page, `/api/${slug}?${query}&limit=200`)
      expect(found.docs.length, `every ${slug} document is checked`).toBe(found.totalDocs)
      // Every document that holds rich text (the editor that froze), and the first of the rest:
      // records that other specs leave behind (leads, touches, jobs) share one edit view each, and
      // opening all of them twice made this the slowest spec of the suite.
      let plain = 0
      for (const doc of found.docs) {
        const richText = richTextPaths(doc)
        if (!richText.length && plain++ >= PLAIN_DOCS_PER_COLLECTION) continue
        views.push({ what: `${slug}/${doc.id} (${locale})`, url: `${section}/${doc.id}?locale=${locale}`, kind: 'edit', richText })
      }
    }
  }
  return views
}

/** Runs one step of a view's check; a failure names the view and the step, and says when the page froze. */
async function step(page: Page, what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run()
  } catch (error) {
    // Asking the page tells a frozen page (no answer) from a slow or broken one.
    await longestTaskMs(page, what)
    throw new Error(`${what}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, { cause: error })
  }
}

/** Opens a view, waits until it can be used, types into each rich-text field; a failure message or null. */
async function checkView(page: Page, view: View): Promise<string | null> {
  await step(page, `${view.what} did not load`, () => page.goto(`${e2e.cmsUrl}${view.url}`, { timeout: VIEW_TIMEOUT_MS }))
  if (view.kind === 'list') {
    await step(page, `${view.what} showed no table`, () =>
      page.locator('.collection-list :is(.table, .no-results)').first().waitFor({ timeout: VIEW_TIMEOUT_MS }),
    )
  } else {
    await step(page, `${view.what} showed no fields`, () => page.locator('.document-fields').waitFor({ timeout: VIEW_TIMEOUT_MS }))
  }
  const editors = view.richText.map((field) => ({
    field,
    what: `${view.what}, field ${field}`,
    editor: page.locator(`[data-field-path="${field}"] [data-lexical-editor="true"][contenteditable="true"]`),
  }))
  for (const { what, editor } of editors)
    await step(page, `${what} did not become editable`, () => editor.waitFor({ timeout: VIEW_TIMEOUT_MS }))
  // From here on the view is loaded: what is measured is the editing. Loading is measured by the
  // guards above (a page that never answers, or a field that never becomes editable, fails), not
  // by task length, because the admin's first script evaluation alone runs for seconds on a
  // machine whose two cores are shared with the servers under test.
  for (const { what, editor } of editors) {
    await restartWatch(page, what)
    await step(page, `${what} did not take typing`, async () => {
      await editor.click({ timeout: VIEW_TIMEOUT_MS })
      await page.keyboard.press('Control+End')
      await page.keyboard.type(TYPED)
      await expect(editor).toContainText(TYPED.trim())
    })
    const blocked = await blockedTooLong(page, what)
    if (blocked) return blocked
  }
  await longestTaskMs(page, `${view.what} stopped answering`)
  return null
}

/** A new page of `context` that leaves typed-in forms without asking. */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
  return page
}

/** A browser context of its own with the main-thread watch, signed in as `who`. */
async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  await watchMainThread(context)
  const page = await newPage(context)
  await signIn(page, who)
  return { context, page }
}

test(
  'every list view, every document with rich text and the first document of each other collection open in both languages, ' +
    'take typing in each rich-text field and never block the main thread over 2 s',
  async ({ browser }) => {
    test.setTimeout(15 * 60_000)
    // The admin sees every collection, the admin-only ones too.
    let session = await signedIn(browser, e2e.admin)
    const sections = await adminSections(session.page)
    expect(sections).toEqual(
      expect.arrayContaining([
        '/admin/collections/pages',
        '/admin/collections/posts',
        '/admin/globals/site-settings',
        '/admin/globals/header',
        '/admin/globals/footer',
      ]),
    )
    const views = await allViews(session.page, sections)
    // Each view has its own guards (20 s to load, 2 s of main thread); the whole run gets time in
    // proportion to how many views there are, so a busy machine slows it without cutting it short.
    test.setTimeout(5 * 60_000 + views.length * 12_000)
    // The seeded Chinese contact page, the one that froze, is among them with its rich text.
    expect(views.find((view) => view.url === '/admin/collections/pages/1?locale=zh-CN')?.richText).toEqual(['layout.0.content'])

    const failures: string[] = []
    // Each failure is printed at once too, so a run cut short still names what failed.
    const fail = (message: string) => {
      failures.push(message)
      console.log(message)
    }
    const started = Date.now()
    for (const view of views) {
      try {
        const failure = await checkView(session.page, view)
        if (failure) fail(failure)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        fail(message.startsWith(view.what) ? message : `${view.what}: ${message.split('\n')[0]}`)
        // A frozen page freezes every page of its site in the same browser context (they share a
        // renderer process): the next view gets a context of its own. Closing the frozen one may wait
        // on its renderer, so it is not awaited; the browser goes away at the end of the run anyway.
        void session.context.close().catch(() => undefined)
        session = await signedIn(browser, e2e.admin)
      }
    }
    console.log(`${views.length} admin views checked in ${Math.round((Date.now() - started) / 1000)} s`)
    await session.context.close()
    expect(failures).toEqual([])
  },
)

test('an editor types Chinese contact lines with addresses into a post, publishes it, and the site links exactly the addresses', async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, e2e.editor)
  const slug = uniqueSlug('e2e-links')
  const title = `联系方式 ${slug}`
  await page.goto(`${e2e.cmsUrl}/admin/collections/posts/create?locale=zh-CN`)
  await page.locator('#field-title').fill(title)
  await page.locator('#field-slug').fill(slug)

  const editor = page.locator('[data-field-path="body"] [data-lexical-editor="true"][contenteditable="true"]')
  await editor.click()
  await restartWatch(page, 'the new post')
  const lines: [bold: string, plain: string][] = [
    ['邮箱：', 'hello@cinnabar.example'],
    ['官网：', 'https://cinnabar.example/about'],
    ['', '详情见（https://example.com/guide）'],
    ['', '请访问 https://example.com/start。'],
  ]
  for (const [bold, plain] of lines) {
    if (bold) {
      await page.keyboard.press('Control+b')
      await page.keyboard.type(bold)
      await page.keyboard.press('Control+b')
    }
    await page.keyboard.type(plain)
    await page.keyboard.press('Enter')
  }
  await step(page, 'the new post', () => expect(editor).toContainText('https://example.com/start。'))
  expect(await blockedTooLong(page, 'typing the contact lines into a new post')).toBeNull()

  const saved = page.waitForResponse((r) => r.url().includes('/api/posts') && r.request().method() === 'POST' && r.status() === 201)
  await page.getByRole('button', { name: /^(Publish changes|发布更改)$/ }).click()
  await saved
  await untilVisible(`${e2e.siteUrl}/blog/${slug}`, title)

  await page.goto(`${e2e.siteUrl}/blog/${slug}`)
  const links = await page
    .locator('main a')
    .evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })))
  expect(links).toEqual(
    expect.arrayContaining([
      { text: 'hello@cinnabar.example', href: 'mailto:hello@cinnabar.example' },
      { text: 'https://cinnabar.example/about', href: 'https://cinnabar.example/about' },
      { text: 'https://example.com/guide', href: 'https://example.com/guide' },
      { text: 'https://example.com/start', href: 'https://example.com/start' },
    ]),
  )
  // The punctuation around an address stays outside its link, and the bold labels stay bold.
  await expect(page.locator('main')).toContainText('详情见（https://example.com/guide）')
  await expect(page.locator('main')).toContainText('请访问 https://example.com/start。')
  await expect(page.locator('main strong', { hasText: '邮箱：' })).toHaveCount(1)
  await expect(page.locator('main strong', { hasText: '官网：' })).toHaveCount(1)
  await context.close()
})
