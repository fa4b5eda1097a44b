/**
 * The Cache-Control a response leaves with: one that sets a cookie is that browser's alone, so no
 * shared cache (a CDN, a proxy) may keep it; an already private or no-store one stays as it is.
 */
export function cacheControlFor(cacheControl: string | null, setsCookie: boolean): string | null {
  if (!setsCookie || /\b(private|no-store)\b/i.test(cacheControl ?? '')) return cacheControl
  return 'private, no-cache'
}
