import { createHmac, timingSafeEqual } from 'node:crypto'

/** What a preview token grants: one CMS user may see drafts, starting at one path. */
export interface PreviewGrant {
  userId: string
  path: string
  locale: string
}

interface SignedGrant extends PreviewGrant {
  exp: number
}

/** How long a preview link stays valid once the CMS made it. */
export const PREVIEW_TOKEN_TTL_MS = 60 * 60 * 1000

function sign(payload: string, secret: string): string {
  return createHmac('sha256', `preview:${secret}`).update(payload).digest('base64url')
}

/**
 * A token that lets the site show drafts to the CMS user who asked for the preview.
 * @example signPreviewToken({ userId: '1', path: '/blog/x', locale: 'en' }, secret)
 */
export function signPreviewToken(grant: PreviewGrant, secret: string, now: number = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...grant, exp: now + PREVIEW_TOKEN_TTL_MS })).toString('base64url')
  return `${payload}.${sign(payload, secret)}`
}

/** The grant inside a token, or null when the token is malformed, forged or expired. */
export function verifyPreviewToken(token: string, secret: string, now: number = Date.now()): PreviewGrant | null {
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SignedGrant>
    if (typeof grant.exp !== 'number' || grant.exp < now) return null
    if (typeof grant.userId !== 'string' || typeof grant.path !== 'string' || typeof grant.locale !== 'string') return null
    return { userId: grant.userId, path: grant.path, locale: grant.locale }
  } catch {
    // A token whose signature matched but whose body is not JSON was not made by us: refuse it.
    return null
  }
}
