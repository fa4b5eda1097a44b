import { type APIRequestContext, expect, type Page } from '@playwright/test'

import { e2e } from '../../playwright.config'

/** The CMS REST API as the seeded admin (a JWT, as any API client would use). */
export async function adminApi(request: APIRequestContext) {
  const login = await request.post(`${e2e.cmsUrl}/api/users/login`, { data: e2e.admin })
  expect(login.status()).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const headers = { authorization: `JWT ${token}` }
  return {
    get: async (path: string) => {
      const res = await request.get(`${e2e.cmsUrl}${path}`, { headers })
      expect(res.status(), path).toBe(200)
      return res.json()
    },
    delete: async (path: string) => {
      const res = await request.delete(`${e2e.cmsUrl}${path}`, { headers })
      expect(res.status(), path).toBe(200)
    },
    post: async (path: string, data: unknown) => {
      const res = await request.post(`${e2e.cmsUrl}${path}`, { headers, data })
      expect(res.status(), `${path}: ${await res.text()}`).toBe(201)
      return (await res.json()).doc
    },
  }
}

/** The 6-digit code in the latest mail to `to` whose subject has `subject` (no RESEND_API_KEY in e2e: mail goes to the outbox). */
export async function codeFromOutbox(api: Awaited<ReturnType<typeof adminApi>>, to: string, subject: string, after = 0): Promise<string> {
  let code: string | undefined
  await expect
    .poll(
      async () => {
        const { docs } = await api.get(
          `/api/outbox?where[to][equals]=${encodeURIComponent(to)}&where[subject][contains]=${encodeURIComponent(subject)}` +
            `&where[id][greater_than]=${after}&sort=-id&limit=1&depth=0`,
        )
        code = String(docs[0]?.text ?? '').match(/\b(\d{6})\b/)?.[1]
        return code ?? null
      },
      { timeout: 15_000 },
    )
    .not.toBeNull()
  return code!
}

/** The newest outbox id, so a later code is told from an earlier one. */
export async function lastOutboxId(api: Awaited<ReturnType<typeof adminApi>>): Promise<number> {
  const { docs } = await api.get('/api/outbox?sort=-id&limit=1&depth=0')
  return Number(docs[0]?.id ?? 0)
}

/** A rich-text body with one paragraph. */
export function paragraph(text: string) {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
        },
      ],
    },
  }
}

/** The password every test member signs up with. */
export const MEMBER_PASSWORD = 'Lantern-garden 42'

/**
 * A member of one test's own, so that no test needs another to run first: signed up and the email
 * confirmed through the site's own endpoints, signed in in `page`'s browser context (page.request
 * shares its cookies).
 */
export async function confirmedMember(page: Page, api: Awaited<ReturnType<typeof adminApi>>, email: string, name: string): Promise<void> {
  const json = { origin: e2e.siteUrl, 'content-type': 'application/json' }
  const before = await lastOutboxId(api)
  const signUp = await page.request.post(`${e2e.siteUrl}/en/account/sign-up`, {
    headers: json,
    data: { email, password: MEMBER_PASSWORD, name },
  })
  expect(signUp.status(), await signUp.text()).toBe(201)
  const code = await codeFromOutbox(api, email, 'Confirm your email', before)
  const verified = await page.request.post(`${e2e.siteUrl}/en/account/verify`, { headers: json, data: { code } })
  expect(await verified.json()).toEqual({ ok: true, verified: true })
}
