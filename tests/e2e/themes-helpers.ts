import { type APIRequestContext, expect } from '@playwright/test'

import { THEMES } from '../../functions/content/themes'
import { e2e } from '../../playwright.config'
import { until } from './product'

// What the two theme specs share: how a theme's pages are recognised, and the site settings.

export type ThemeName = (typeof THEMES)[number]

/** What each theme's markup is recognised by. */
export const MARKERS: Record<ThemeName, RegExp> = {
  classic: /<header class="site-header"/,
  editorial: /<html[^>]*\bdata-theme="editorial"/,
}

/** A rule from each theme's Layout styles: a page must carry its own theme's component CSS and no other's. */
const CSS_MARKERS: Record<ThemeName, string> = {
  classic: '.site-header[data-astro-cid-',
  editorial: '.masthead[data-astro-cid-',
}

export async function html(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${e2e.siteUrl}${path}`)
  return { status: response.status, body: await response.text() }
}

/** The CSS a page carries: every <style> element's text (the site inlines all of it). */
export const stylesOf = (body: string) => [...body.matchAll(/<style[^>]*>([^<]*)<\/style>/g)].map((m) => m[1]).join('')

/** Fails unless the page's CSS is its own theme's and none of another theme's. */
export function expectOnlyThemeCss(body: string, theme: ThemeName, path: string): void {
  const css = stylesOf(body)
  expect(css, `${theme}'s component CSS on ${path}`).toContain(CSS_MARKERS[theme])
  for (const other of THEMES.filter((t) => t !== theme))
    expect(css, `${other}'s component CSS on ${path}`).not.toContain(CSS_MARKERS[other])
}

export const h1Count = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0

/** Resolves once the home page is in `theme`. How soon after saving is a figure for bench/editing.ts. */
export async function untilTheme(theme: ThemeName, timeoutMs = 15_000): Promise<void> {
  await until(
    `the home page in the ${theme} theme`,
    async () => {
      const { status, body } = await html('/')
      return status === 200 && MARKERS[theme].test(body)
    },
    timeoutMs,
  )
}

/** The site settings through the REST API as the seeded admin (a JWT, as any API client would use). */
export async function siteSettings(request: APIRequestContext) {
  const login = await request.post(`${e2e.cmsUrl}/api/users/login`, { data: e2e.admin })
  expect(login.status()).toBe(200)
  const headers = { authorization: `JWT ${((await login.json()) as { token: string }).token}` }
  const original = (await (await request.get(`${e2e.cmsUrl}/api/globals/site-settings?depth=0`, { headers })).json()) as {
    theme: string
    brandColor: string
  }
  return {
    original,
    /** Payload 3 updates a global with POST /api/globals/<slug>; PATCH is not routed (404). */
    save: async (data: Record<string, unknown>) => {
      const response = await request.post(`${e2e.cmsUrl}/api/globals/site-settings`, { headers, data })
      expect(response.status(), await response.text()).toBe(200)
    },
  }
}
