import type { AstroCookies } from 'astro'

import { payloadSecret } from '../../cms/environment'
import { PREVIEW_TOKEN_TTL_MS, type PreviewGrant, verifyPreviewToken } from '../../functions/content/preview-token'

/** The cookie that keeps an editor in preview mode on the site after following a preview link. */
export const PREVIEW_COOKIE = 'site-preview'

/** The preview grant carried by this request's cookie, if its signature and expiry hold. */
export function previewGrant(cookies: AstroCookies): PreviewGrant | null {
  const token = cookies.get(PREVIEW_COOKIE)?.value
  return token ? verifyPreviewToken(token, payloadSecret()) : null
}

/** Starts preview mode for the holder of `token`. */
export function startPreview(cookies: AstroCookies, token: string): void {
  cookies.set(PREVIEW_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: import.meta.env.PROD && !/^http:\/\/(localhost|127\.0\.0\.1)/.test(process.env.SITE_URL ?? 'http://localhost'),
    maxAge: Math.floor(PREVIEW_TOKEN_TTL_MS / 1000),
  })
}

/** Ends preview mode. */
export function endPreview(cookies: AstroCookies): void {
  cookies.delete(PREVIEW_COOKIE, { path: '/' })
}
