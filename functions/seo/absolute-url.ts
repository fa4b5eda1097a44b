/**
 * A site-relative path (or an already absolute http(s) URL) as an absolute URL on `siteUrl`.
 * @example absoluteUrl('https://brand.example', '/en/blog') // 'https://brand.example/en/blog'
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path
  const base = siteUrl.replace(/\/+$/, '')
  return `${base}${path.startsWith('/') ? path : `/${path}`}`
}
