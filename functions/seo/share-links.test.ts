import { describe, expect, it } from 'vitest'

import { shareLinks } from './share-links'

describe('shareLinks', () => {
  it("builds each platform's share URL with the page URL and title encoded", () => {
    const links = shareLinks('https://brand.example/blog/a?x=1&y=2', '品牌 & "价值"')
    expect(links).toEqual([
      {
        platform: 'weibo',
        href:
          'https://service.weibo.com/share/share.php?url=https%3A%2F%2Fbrand.example%2Fblog%2Fa%3Fx%3D1%26y%3D2&title=' +
          '%E5%93%81%E7%89%8C%20%26%20%22%E4%BB%B7%E5%80%BC%22',
      },
      {
        platform: 'linkedin',
        href: 'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fbrand.example%2Fblog%2Fa%3Fx%3D1%26y%3D2',
      },
      {
        platform: 'x',
        href:
          'https://x.com/intent/tweet?url=https%3A%2F%2Fbrand.example%2Fblog%2Fa%3Fx%3D1%26y%3D2&text=' +
          '%E5%93%81%E7%89%8C%20%26%20%22%E4%BB%B7%E5%80%BC%22',
      },
      { platform: 'facebook', href: 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fbrand.example%2Fblog%2Fa%3Fx%3D1%26y%3D2' },
      {
        platform: 'email',
        href:
          'mailto:?subject=%E5%93%81%E7%89%8C%20%26%20%22%E4%BB%B7%E5%80%BC%22&body=' +
          'https%3A%2F%2Fbrand.example%2Fblog%2Fa%3Fx%3D1%26y%3D2',
      },
    ])
  })

  it("round-trips the URL through each link's query", () => {
    const url = 'https://brand.example/en/blog/launch'
    for (const link of shareLinks(url, 'Launch').filter((l) => l.platform !== 'email')) {
      const params = new URL(link.href).searchParams
      expect(params.get('url') ?? params.get('u'), link.platform).toBe(url)
    }
  })
})
