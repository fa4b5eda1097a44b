import { readSignedToken, signToken } from './signed-token'

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

/**
 * A token that lets the site show drafts to the CMS user who asked for the preview.
 * @example signPreviewToken({ userId: '1', path: '/blog/x', locale: 'en' }, secret)
 */
export function signPreviewToken(grant: PreviewGrant, secret: string, now: number = Date.now()): string {
  return signToken({ ...grant, exp: now + PREVIEW_TOKEN_TTL_MS }, 'preview', secret)
}

/** The grant inside a token, or null when the token is malformed, forged or expired. */
export function verifyPreviewToken(token: string, secret: string, now: number = Date.now()): PreviewGrant | null {
  const grant = readSignedToken(token, 'preview', secret) as Partial<SignedGrant> | null
  if (!grant || typeof grant !== 'object') return null
  if (typeof grant.exp !== 'number' || grant.exp < now) return null
  if (typeof grant.userId !== 'string' || typeof grant.path !== 'string' || typeof grant.locale !== 'string') return null
  return { userId: grant.userId, path: grant.path, locale: grant.locale }
}
