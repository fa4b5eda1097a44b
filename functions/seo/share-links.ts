/** A platform a post can be shared to by opening a URL: no SDK, no third-party script. */
export type SharePlatform = 'weibo' | 'linkedin' | 'x' | 'facebook' | 'email'

/** One share link: the platform and the URL that opens its share dialog. */
export interface ShareLink {
  platform: SharePlatform
  href: string
}

const q = encodeURIComponent

/**
 * The share URLs of the platforms that have one, for the page at `url` (absolute) titled `title`.
 * WeChat has no share URL: it is served by a QR code of the page instead.
 * @example shareLinks('https://brand.example/blog/a', 'A')[0] // { platform: 'weibo',
 *   href: 'https://service.weibo.com/share/share.php?url=…&title=A' }
 */
export function shareLinks(url: string, title: string): ShareLink[] {
  return [
    { platform: 'weibo', href: `https://service.weibo.com/share/share.php?url=${q(url)}&title=${q(title)}` },
    { platform: 'linkedin', href: `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` },
    { platform: 'x', href: `https://x.com/intent/tweet?url=${q(url)}&text=${q(title)}` },
    { platform: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
    // mailto takes %20 for spaces (RFC 6068), which encodeURIComponent writes.
    { platform: 'email', href: `mailto:?subject=${q(title)}&body=${q(url)}` },
  ]
}
