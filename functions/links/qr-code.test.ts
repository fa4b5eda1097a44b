import jsQR from 'jsqr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { luminance } from './colors'
import { LOGO_SHARE, PRINT_SIZES, qrPng, qrSvg } from './qr-code'

// What qrSvg and qrPng draw. Every code is read back by jsQR, a decoder written independently of
// the qrcode library that encodes them: a reader built on the same library would agree with any
// mistake the library made. What they refuse is tested in qr-code.refusals.test.ts.

const LINK = 'https://brand.example/go/spring-2025'
const BRAND = '#c0392b'

/** What a phone's scanner reads in an SVG or PNG (sharp rasterises it, jsQR decodes it), or null. */
async function scan(image: Buffer | string): Promise<{ text: string; version: number } | null> {
  // An SVG's viewBox is one unit per module: 10 pixels per module reads like a printed poster.
  const input = typeof image === 'string' ? sharp(Buffer.from(image), { density: 720 }) : sharp(image)
  const { data, info } = await input.flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)
  return code ? { text: code.data, version: code.version } : null
}

/** The dark modules an SVG draws, as "row,col" of the symbol (the quiet zone taken off). */
function darkModules(svg: string, margin = 4): Set<string> {
  const cells = new Set<string>()
  for (const [, x, y, run] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let col = Number(x); col < Number(x) + Number(run); col++) cells.add(`${Number(y) - margin},${col - margin}`)
  }
  return cells
}

function viewBoxWidth(svg: string): number {
  const match = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)
  expect(match?.[1]).toBe(match?.[2])
  return Number(match?.[1])
}

describe('qrSvg', () => {
  it('is a well-formed SVG with a square viewBox', () => {
    const svg = qrSvg(LINK, { color: BRAND })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')).toBe(true)
    expect(svg.endsWith('</svg>')).toBe(true)
    expect(svg.match(/<svg\b/g)).toHaveLength(1)
    expect(svg).not.toMatch(/ width="\d+" height="\d+" shape/) // scales to its container
    const opened = [...svg.matchAll(/<(\w+)[^>]*?(\/?)>/g)].filter(([, , selfClosed]) => !selfClosed).map(([, tag]) => tag)
    const closed = [...svg.matchAll(/<\/(\w+)>/g)].map(([, tag]) => tag)
    expect(closed.reverse()).toEqual(opened)
  })

  it.each([
    ['a campaign link', LINK],
    ['a one-character text', 'a'],
    ['digits only', '20250301'],
    ['a Chinese link', 'https://品牌.example/go/春季活动'],
    ['a long link with UTM tags', `https://brand.example/go/spring?utm_source=wechat&utm_medium=poster&utm_campaign=${'x'.repeat(200)}`],
  ])('draws %s so that a scanner reads it back, with the logo square and without', async (_, text) => {
    for (const logo of [false, true]) {
      const svg = qrSvg(text, { color: BRAND, logo })
      const read = await scan(svg)
      expect(read?.text, `logo: ${logo}`).toBe(text)
      // A version-v symbol is 4v + 17 modules wide, plus the standard quiet zone of 4 on each side.
      expect(viewBoxWidth(svg)).toBe(4 * read!.version + 17 + 8)
    }
  })

  it('draws in the brand colour on white and no other dark colour', () => {
    const svg = qrSvg(LINK, { color: BRAND, logo: true })
    expect(svg).toContain(`<path fill="${BRAND}" d="M`)
    const fills = [...svg.matchAll(/fill="([^"]*)"/g)].map(([, fill]) => fill)
    expect(fills).toEqual(['#ffffff', BRAND, '#ffffff'])
    const colours = [...svg.matchAll(/#[0-9a-fA-F]{3,8}\b/g)].map(([colour]) => colour)
    for (const colour of colours) if (colour !== BRAND) expect(luminance(colour)).toBeGreaterThan(0.9)
    expect(svg).not.toMatch(/rgb\(|hsl\(|url\(|style|stroke|<script|<image|href/i)
  })

  it('writes #rgb and upper-case colours as lowercase #rrggbb', () => {
    const svg = qrSvg(LINK, { color: '#C33', background: '#FFFFF0' })
    expect(svg).toContain('<path fill="#cc3333"')
    const width = viewBoxWidth(svg)
    expect(svg).toContain(`<rect width="${width}" height="${width}" fill="#fffff0"/>`)
  })

  it('draws on white when the background is left out or null, as the CMS stores an empty field', () => {
    const white = qrSvg(LINK, { color: BRAND, background: '#ffffff' })
    expect(qrSvg(LINK, { color: BRAND })).toBe(white)
    // Deliberately null, as an unchecked setting could give.
    expect(qrSvg(LINK, { color: BRAND, background: null as unknown as string })).toBe(white)
  })

  it('uses the margin it is given: the same modules, moved, still readable', async () => {
    const standard = qrSvg(LINK, { color: BRAND })
    const size = viewBoxWidth(standard) - 8
    for (const margin of [0, 1, 4, 16]) {
      const svg = qrSvg(LINK, { color: BRAND, margin })
      expect(viewBoxWidth(svg)).toBe(size + 2 * margin)
      expect(darkModules(svg, margin)).toEqual(darkModules(standard))
      expect((await scan(svg))?.text, `margin ${margin}`).toBe(LINK)
    }
  })

  it('leaves a white rounded square of at most a fifth of the width in the centre for the logo', () => {
    for (const text of ['a', LINK, 'https://brand.example/go/' + 'y'.repeat(300)]) {
      // The code without a logo is the reference: the scans above show it is the right code.
      const plain = qrSvg(text, { color: BRAND })
      const size = viewBoxWidth(plain) - 8
      const dark = darkModules(plain)
      const svg = qrSvg(text, { color: BRAND, logo: true })
      const hole = /<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)" rx="[\d.]+" fill="#ffffff"/.exec(svg)
      expect(hole).not.toBeNull()
      const [x, y, side, height] = hole!.slice(1).map(Number) as [number, number, number, number]
      expect(height).toBe(side)
      expect(side).toBeGreaterThan(0)
      expect(side).toBeLessThanOrEqual(size * LOGO_SHARE)
      expect(x - 4).toBe((size - side) / 2)
      expect(y).toBe(x)

      const drawn = darkModules(svg)
      for (const cell of dark) {
        const [row, col] = cell.split(',').map(Number) as [number, number]
        const covered = row + 4 >= y && row + 4 < y + side && col + 4 >= x && col + 4 < x + side
        expect(drawn.has(cell)).toBe(!covered)
      }
      expect(drawn.size).toBeLessThan(dark.size)
      expect(svg).toMatch(/<rect x="\d+" [^>]*\/><g id="logo" transform="translate\([\d.]+ [\d.]+\) scale\([\d.]+\)"><\/g><\/svg>$/)
    }
  })

  it('puts the logo placeholder inside the white square', () => {
    const svg = qrSvg(LINK, { color: BRAND, logo: true })
    const [x, , side] = /<rect x="(\d+)" y="(\d+)" width="(\d+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number]
    const [tx, ty, scale] = /translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)\)/.exec(svg)!.slice(1).map(Number) as [number, number, number]
    expect(tx).toBe(ty)
    expect(tx).toBeGreaterThan(x)
    expect(tx + 100 * scale).toBeLessThan(x + side)
  })

  it('has no logo square or placeholder unless asked', () => {
    expect(qrSvg(LINK, { color: BRAND })).not.toContain('logo')
    expect(qrSvg(LINK, { color: BRAND, logo: false })).not.toContain('logo')
  })
})

async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const raw = await sharp(png).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer()
  return [...raw]
}

describe('qrPng', () => {
  it.each(PRINT_SIZES.map((size) => [size]))(
    'renders a %i-pixel square PNG through real sharp that a scanner reads, logo and all',
    async (size) => {
      const png = await qrPng(LINK, { size, color: BRAND, logo: true }, sharp)
      const metadata = await sharp(png).metadata()
      expect(metadata).toMatchObject({ format: 'png', width: size, height: size })
      expect((await scan(png))?.text).toBe(LINK)
    },
  )

  it('draws the brand colour crisply, with white and the brand colour as the only colours', async () => {
    const size = 512
    const png = await qrPng(LINK, { size, color: BRAND, logo: true }, sharp)
    const modules = viewBoxWidth(qrSvg(LINK, { color: BRAND }))
    // The middle of the top-left finder pattern's outer ring, one module in from the quiet zone.
    const at = Math.floor(((4 + 0.5) * size) / modules)
    expect(await pixel(png, at, at)).toEqual([192, 57, 43])
    expect(await pixel(png, 2, 2)).toEqual([255, 255, 255])
    const raw = await sharp(png).removeAlpha().raw().toBuffer()
    const colours = new Set<string>()
    for (let offset = 0; offset < raw.length; offset += 3) colours.add(`${raw[offset]},${raw[offset + 1]},${raw[offset + 2]}`)
    expect(colours).toEqual(new Set(['255,255,255', '192,57,43']))
  })

  it.each(PRINT_SIZES.map((size) => [size]))('keeps the centre pixel white with the logo at %i pixels', async (size) => {
    const png = await qrPng(LINK, { size, color: BRAND, logo: true }, sharp)
    expect(await pixel(png, size / 2, size / 2)).toEqual([255, 255, 255])
  })
})
