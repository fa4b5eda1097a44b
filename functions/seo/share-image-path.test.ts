import { describe, expect, it } from 'vitest'

import { pagePathOfShareImage, shareImagePath } from './share-image-path'

const prefixes = ['en']

describe('share image paths', () => {
  it.each([
    ['/', '/share-image/home.png'],
    ['/about', '/share-image/about.png'],
    ['/solutions/retail', '/share-image/solutions/retail.png'],
    ['/en', '/share-image/en/home.png'],
    ['/en/about', '/share-image/en/about.png'],
    ['/blog/launch', '/share-image/blog/launch.png'],
    ['/en/blog/page/2', '/share-image/en/blog/page/2.png'],
  ])('%s ⇄ %s', (page, image) => {
    expect(shareImagePath(page, prefixes)).toBe(image)
    expect(pagePathOfShareImage(image.slice('/share-image/'.length), prefixes)).toBe(page)
  })

  it('refuses what is not a PNG of a page', () => {
    expect(pagePathOfShareImage('about.jpg', prefixes)).toBeNull()
    expect(pagePathOfShareImage('about', prefixes)).toBeNull()
    expect(pagePathOfShareImage(`${'a/'.repeat(200)}x.png`, prefixes)).toBeNull()
  })
})
