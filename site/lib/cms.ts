// The site's connection to Payload: its Local API in this process, against the same database as
// the CMS (no HTTP hop to the CMS), and who reads. What is read lives in content.ts, forms.ts and
// campaign-links.ts; the stores the site writes through are wired in stores.ts.
import type { Payload } from 'payload'

// Outside Next, getPayload would otherwise open a socket to Next's dev reload endpoint.
process.env.DISABLE_PAYLOAD_HMR = 'true'

let instance: Promise<Payload> | null = null

/** The Payload instance of this process, initialised once. */
export function cms(): Promise<Payload> {
  instance ??= (async () => {
    const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
    return getPayload({ config })
  })()
  return instance
}

/** A CMS user allowed to see drafts, as the Local API expects it for access checks. */
export interface PreviewUser {
  id: string | number
  role: 'admin' | 'editor'
  collection: 'users'
}

/** Who reads: anonymous visitors see published content only; a preview user also sees drafts. */
export interface Reader {
  locale: string
  previewUser?: PreviewUser | null
}

export function readOptions({ locale, previewUser }: Reader) {
  // overrideAccess: false makes the collections' own read rules apply here as on the REST API,
  // so a visitor can never be handed a draft by a mistake in a query.
  return {
    locale: locale as 'zh-CN' | 'en',
    fallbackLocale: false as const,
    overrideAccess: false,
    user: previewUser ?? null,
    draft: Boolean(previewUser),
  }
}

/** The content stamp that page caches watch (cms/globals/ContentVersion.ts). */
export async function contentStamp(): Promise<string | null> {
  const payload = await cms()
  const doc = await payload.findGlobal({ slug: 'content-version', depth: 0 })
  return (doc as { stamp?: string | null }).stamp ?? null
}

/**
 * The CMS user a preview token names, if they still exist and may see drafts; null otherwise,
 * so a token outlives neither its user nor their editor role.
 */
export async function previewUser(userId: string): Promise<PreviewUser | null> {
  const payload = await cms()
  // SQLite ids are numbers, MongoDB ids strings; the token carries them as text.
  const id = /^[0-9]+$/.test(userId) ? Number(userId) : userId
  const user = (await payload.findByID({ collection: 'users', id, depth: 0, disableErrors: true })) as {
    id: string | number
    role?: string
  } | null
  if (!user || (user.role !== 'admin' && user.role !== 'editor')) return null
  return { id: user.id, role: user.role, collection: 'users' }
}
