import { readSignedToken, signToken } from '../content/signed-token'

/** How long a download link works: seven days from the submission that earned it. */
export const DOWNLOAD_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** What a download link grants: one document, earned by one submission, until a moment. */
export interface DownloadGrant {
  /** The media id of the PDF. */
  media: string
  /** The submission that earned it (and through it, the lead the download is counted on). */
  submission: string
  /** When the link stops working (ms since the epoch). */
  expiresAt: number
}

/** A link's state: its grant, expired (signed here, but too old), or not a link at all (forged, altered, malformed). */
export type DownloadCheck = { ok: true; grant: DownloadGrant } | { ok: false; reason: 'expired' | 'invalid' }

const PURPOSE = 'download'
const isId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{1,24}$/i.test(value)

function requireSecret(secret: string): void {
  if (!secret) throw new Error('Download links need a server secret; pass PAYLOAD_SECRET.')
}

/**
 * The token of `/download/<token>`: HMAC-signed with the server's secret (purpose `download`), so
 * nobody can reach a document without having submitted the form, nor lengthen a link's life.
 * The same submission and issue time always give the same token.
 * @example signDownloadToken({ media: '4', submission: '12', issuedAt: Date.now() }, secret) // 'eyJt….<hmac>'
 */
export function signDownloadToken(
  { media, submission, issuedAt }: { media: string | number; submission: string | number; issuedAt: number },
  secret: string,
): string {
  requireSecret(secret)
  return signToken({ m: String(media), s: String(submission), e: Math.floor(issuedAt) + DOWNLOAD_TTL_MS }, PURPOSE, secret)
}

/**
 * Checks a download token at `now`: the signature first (compared in constant time), then its age.
 * A token with a bad signature is `invalid` even when its claimed expiry is past, so a forger
 * learns nothing from the answer.
 */
export function checkDownloadToken(token: unknown, secret: string, now: number): DownloadCheck {
  requireSecret(secret)
  if (typeof token !== 'string' || token.length > 512) return { ok: false, reason: 'invalid' }
  const body = readSignedToken(token, PURPOSE, secret) as { m?: unknown; s?: unknown; e?: unknown } | null
  if (!body || !isId(body.m) || !isId(body.s) || typeof body.e !== 'number' || !Number.isSafeInteger(body.e))
    return { ok: false, reason: 'invalid' }
  if (now >= body.e) return { ok: false, reason: 'expired' }
  return { ok: true, grant: { media: body.m, submission: body.s, expiresAt: body.e } }
}

/**
 * The address of a download link on the brand's site.
 * @example downloadUrl('https://brand.example', token) // 'https://brand.example/download/<token>'
 */
export function downloadUrl(siteUrl: string, token: string): string {
  return `${siteUrl.replace(/\/$/, '')}${downloadPath(token)}`
}

/** The path of a download link on the site, as the thank-you message shows it. */
export const downloadPath = (token: string) => `/download/${token}`
