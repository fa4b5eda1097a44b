import { expect, type APIRequestContext } from '@playwright/test'

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
    .poll(async () => {
      const { docs } = await api.get(`/api/outbox?where[to][equals]=${encodeURIComponent(to)}&where[subject][contains]=${encodeURIComponent(subject)}&where[id][greater_than]=${after}&sort=-id&limit=1&depth=0`)
      code = String(docs[0]?.text ?? '').match(/\b(\d{6})\b/)?.[1]
      return code ?? null
    }, { timeout: 15_000 })
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
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] } }
}
