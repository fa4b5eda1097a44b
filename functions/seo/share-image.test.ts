import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'

import { renderShareImage, type ShareImageInput, shareImageKey, shareImageSvg, wrapTitle } from './share-image'
import { createShareImageCache } from './share-image-cache'
import { parseXml } from './xml-tree.test-helper'

const base: ShareImageInput = {
  title: 'Owned channels first',
  brandName: 'Cinnabar',
  host: 'brand.example',
  color: '#c8102e',
  canRenderCjk: true,
}

function texts(svg: string): string[] {
  const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`)
  const out: string[] = []
  const walk = (element: typeof root) => {
    if (element.local === 'tspan' || (element.local === 'text' && element.children.length === 0)) out.push(element.text)
    element.children.forEach(walk)
  }
  walk(root)
  return out
}

describe('wrapTitle', () => {
  it('keeps a short title on one line', () => {
    expect(wrapTitle('Owned channels first', 76, 1040, 3)).toEqual({ lines: ['Owned channels first'], fits: true })
  })

  it('breaks Latin text between words and Chinese text between characters, never before a comma or full stop', () => {
    const latin = wrapTitle('Why every brand needs a home of its own before it buys more reach on other platforms', 76, 1040, 3)
    expect(latin.lines.length).toBeGreaterThan(1)
    for (const line of latin.lines) expect(line).toBe(line.trim())
    expect(latin.lines.join(' ').replace('…', '')).toMatch(/^Why every brand needs a home/)

    const chinese = wrapTitle('把私域流量留在品牌自己的网站上，而不是一次又一次地向平台租用同样的顾客。', 76, 1040, 3)
    expect(chinese.fits).toBe(true)
    expect(chinese.lines.length).toBe(3)
    for (const line of chinese.lines) expect(line).not.toMatch(/^[，。]/)
    expect(chinese.lines.join('')).toBe('把私域流量留在品牌自己的网站上，而不是一次又一次地向平台租用同样的顾客。')
  })

  it('cuts what does not fit in the allowed lines with an ellipsis', () => {
    const long = wrapTitle('word '.repeat(80).trim(), 52, 1040, 3)
    expect(long.fits).toBe(false)
    expect(long.lines).toHaveLength(3)
    expect(long.lines[2]!.endsWith('…')).toBe(true)
    const unbroken = wrapTitle('x'.repeat(200), 52, 1040, 3)
    expect(unbroken.fits).toBe(false)
    expect(unbroken.lines.every((l) => l.endsWith('…'))).toBe(true)
  })
})

describe('shareImageSvg', () => {
  it('draws the title, brand and host, escaped, on the brand colour', () => {
    const svg = shareImageSvg({ ...base, title: '</text><script>alert(1)</script> & co' })
    expect(svg).toContain('<rect width="1200" height="630" fill="#c8102e"/>')
    expect(svg).not.toContain('<script>')
    const drawn = texts(svg)
    expect(drawn.slice(-2)).toEqual(['Cinnabar', 'brand.example'])
    expect(drawn.slice(0, -2).join(' ')).toBe('</text><script>alert(1)</script> & co')
  })

  it('chooses dark ink on a light brand colour and falls back from an invalid colour', () => {
    expect(shareImageSvg({ ...base, color: '#ffe066' })).toContain('fill="#111111"')
    expect(shareImageSvg(base)).toContain('fill="#ffffff"')
    const broken = shareImageSvg({ ...base, color: 'red"/><script>' })
    expect(broken).toContain('fill="#1f2937"')
    expect(broken).not.toContain('<script>')
  })

  it('draws the host instead of Chinese text when no Chinese font is installed, never boxes of hex digits', () => {
    const zh = { ...base, title: '品牌价值', brandName: '朱砂品牌咨询' }
    expect(texts(shareImageSvg({ ...zh, canRenderCjk: true }))).toEqual(['品牌价值', '朱砂品牌咨询', 'brand.example'])
    expect(texts(shareImageSvg({ ...zh, canRenderCjk: false }))).toEqual(['brand.example', 'brand.example'])
  })

  it('names an image by everything it shows', () => {
    expect(shareImageKey(base)).toMatch(/^[0-9a-f]{32}$/)
    expect(shareImageKey(base)).toBe(shareImageKey({ ...base }))
    expect(shareImageKey({ ...base, title: 'Other' })).not.toBe(shareImageKey(base))
    expect(shareImageKey({ ...base, color: '#000000' })).not.toBe(shareImageKey(base))
    expect(shareImageKey({ ...base, canRenderCjk: false })).not.toBe(shareImageKey(base))
  })
})

describe('renderShareImage and its disk cache', () => {
  const dirs: string[] = []
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('renders a 1200×630 PNG with sharp', async () => {
    const png = await renderShareImage({ ...base, title: '品牌价值 Brand value' }, sharp)
    const meta = await sharp(png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630])
    // The top-left pixel is the brand colour.
    const { data } = await sharp(png).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    expect([...data.subarray(0, 3)]).toEqual([0xc8, 0x10, 0x2e])
  })

  it('draws an image once, shares concurrent requests, and serves it from disk afterwards', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'share-images-'))
    dirs.push(dir)
    let drawn = 0
    const cache = createShareImageCache({
      dir: path.join(dir, 'share-images'),
      render: async (input) => {
        drawn++
        return renderShareImage(input, sharp)
      },
    })
    const [a, b] = await Promise.all([cache.get(base), cache.get(base)])
    expect(drawn).toBe(1)
    expect(a.png.equals(b.png)).toBe(true)
    expect(await readdir(path.join(dir, 'share-images'))).toEqual([`${shareImageKey(base)}.png`])
    expect((await readFile(path.join(dir, 'share-images', `${a.key}.png`))).equals(a.png)).toBe(true)

    // A second server process (a new cache over the same folder) finds it on disk.
    const again = createShareImageCache({
      dir: path.join(dir, 'share-images'),
      render: async () => {
        throw new Error('should not draw')
      },
    })
    const hit = await again.get(base)
    expect(hit.cached).toBe(true)
    expect(hit.png.equals(a.png)).toBe(true)

    await cache.get({ ...base, title: 'Another title' })
    expect(drawn).toBe(2)
  })
})
