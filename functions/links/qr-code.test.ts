import QRCode from 'qrcode'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { luminance } from './colors'
import { QrError } from './errors'
import { LOGO_SHARE, PRINT_SIZES, qrPng, qrSvg, type SharpLike } from './qr-code'

const LINK = 'https://brand.example/go/spring-2025'
const BRAND = '#c0392b'

/** The dark modules an SVG draws, as "row,col" of the symbol (the quiet zone taken off). */
function darkModules(svg: string, margin = 4): Set<string> {
  const cells = new Set<string>()
  for (const [, x, y, run] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let col = Number(x); col < Number(x) + Number(run); col++) cells.add(`${Number(y) - margin},${col - margin}`)
  }
  return cells
}

function expectedModules(text: string): { size: number; dark: Set<string> } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'H' })
  const dark = new Set<string>()
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.add(`${row},${col}`)
  }
  return { size: modules.size, dark }
}

function viewBoxWidth(svg: string): number {
  const match = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)
  expect(match?.[1]).toBe(match?.[2])
  return Number(match?.[1])
}

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
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
  ])('draws every module of %s at level H', (_, text) => {
    const expected = expectedModules(text)
    const svg = qrSvg(text, { color: BRAND })
    expect(viewBoxWidth(svg)).toBe(expected.size + 8)
    expect(darkModules(svg)).toEqual(expected.dark)
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

  it('uses the margin it is given', () => {
    const { size, dark } = expectedModules(LINK)
    for (const margin of [0, 1, 4, 16]) {
      const svg = qrSvg(LINK, { color: BRAND, margin })
      expect(viewBoxWidth(svg)).toBe(size + 2 * margin)
      expect(darkModules(svg, margin)).toEqual(dark)
    }
  })

  it('leaves a white rounded square of at most a fifth of the width in the centre for the logo', () => {
    for (const text of ['a', LINK, 'https://brand.example/go/' + 'y'.repeat(300)]) {
      const { size, dark } = expectedModules(text)
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

  const COLOUR_MESSAGE = 'The QR colour must be a hex colour such as #c0392b (#rgb or #rrggbb); pick another value.'
  const HOSTILE: unknown[] = [
    'red"/><script>alert(1)</script>',
    'url(javascript:alert(1))',
    'javascript:alert(1)',
    '#c0392b"/><script>',
    '#c0392b" onload="alert(1)',
    '#c0392b;',
    '#c0392b\n',
    ' #c0392b',
    'red',
    'rgb(0,0,0)',
    'hsl(0 0% 0%)',
    'var(--brand)',
    'currentColor',
    '#12',
    '#1234',
    '#c0392b80',
    '#12345g',
    'c0392b',
    '＃c0392b',
    '',
    null,
    42,
    { toString: () => '#c0392b' },
  ]

  it.each(HOSTILE)('refuses the colour %j with a QrError that does not repeat it', (color) => {
    const error = thrown(() => qrSvg(LINK, { color: color as string }))
    expect(error).toBeInstanceOf(QrError)
    expect(error).toMatchObject({ name: 'QrError', message: COLOUR_MESSAGE, status: 422, data: { field: 'color' } })
  })

  it('draws on white when the background is left out or null, as the CMS stores an empty field', () => {
    const white = qrSvg(LINK, { color: BRAND, background: '#ffffff' })
    expect(qrSvg(LINK, { color: BRAND })).toBe(white)
    expect(qrSvg(LINK, { color: BRAND, background: null as unknown as string })).toBe(white)
  })

  it.each(HOSTILE.filter((value) => value !== null))('refuses the background %j with a QrError', (background) => {
    const error = thrown(() => qrSvg(LINK, { color: BRAND, background: background as string }))
    expect(error).toMatchObject({
      name: 'QrError',
      message: 'The QR background colour must be a hex colour such as #c0392b (#rgb or #rrggbb); pick another value.',
      data: { field: 'background' },
    })
  })

  it.each([
    ['a pale yellow on white', '#f1c40f', '#ffffff'],
    ['white on white', '#ffffff', '#ffffff'],
    ['light on dark (many scanners read only dark on light)', '#ffffff', '#000000'],
    ['a mid grey on white', '#aaaaaa', '#ffffff'],
  ])('refuses %s as too little contrast', (_, color, background) => {
    expect(() => qrSvg(LINK, { color, background })).toThrow(
      new QrError('The QR colour is too light against its background for phones to scan it reliably (it needs at least 3:1 contrast, dark on light); choose a darker colour.', 'color'),
    )
  })

  it.each([['#000'], ['#c0392b'], ['#1a5276'], ['#0b6623']])('accepts the dark brand colour %s', (color) => {
    expect(qrSvg(LINK, { color })).toContain(`<path fill="#`)
  })

  it.each([[-1], [1.5], [17], [Number.NaN], [Number.POSITIVE_INFINITY], ['4' as unknown as number]])('refuses the margin %s', (margin) => {
    expect(() => qrSvg(LINK, { color: BRAND, margin })).toThrow(
      new QrError('The QR margin must be a whole number of modules from 0 to 16; 4 is the standard.', 'margin'),
    )
  })

  it('refuses empty text', () => {
    expect(() => qrSvg('', { color: BRAND })).toThrow(new QrError('A QR code needs some text to encode, such as the campaign link; none was given.', 'text'))
    expect(() => qrSvg(undefined as unknown as string, { color: BRAND })).toThrow(QrError)
  })

  it('refuses text too long for level H without repeating it', () => {
    const error = thrown(() => qrSvg(`https://brand.example/?q=${'秘'.repeat(600)}`, { color: BRAND }))
    expect(error).toMatchObject({
      name: 'QrError',
      message: 'The text is too long for a QR code at error-correction level H (about 1,200 bytes at most); use a shorter link.',
      data: { field: 'text' },
    })
  })

  it('never writes the text into the SVG', () => {
    expect(qrSvg('<script>alert(1)</script>', { color: BRAND })).not.toMatch(/script|alert/)
  })
})

async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const raw = await sharp(png).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer()
  return [...raw]
}

describe('qrPng', () => {
  it.each(PRINT_SIZES.map((size) => [size]))('renders a %i-pixel square PNG through real sharp', async (size) => {
    const png = await qrPng(LINK, { size, color: BRAND }, sharp)
    const metadata = await sharp(png).metadata()
    expect(metadata).toMatchObject({ format: 'png', width: size, height: size })
  })

  it('draws the brand colour crisply, with white and the brand colour as the only colours', async () => {
    const size = 512
    const png = await qrPng(LINK, { size, color: BRAND, logo: true }, sharp)
    const modules = expectedModules(LINK).size + 8
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

  it('refuses a size that is not a print size before touching sharp', async () => {
    const untouchable: SharpLike = () => {
      throw new Error('sharp should not be called')
    }
    for (const size of [0, 255, 300, 4096, Number.NaN]) {
      await expect(qrPng(LINK, { size: size as 256, color: BRAND }, untouchable)).rejects.toThrow(
        new QrError("The QR code's PNG size must be one of 256, 512, 1024, 2048 pixels; pick one of those.", 'size'),
      )
    }
    await expect(qrPng(LINK, { size: 256, color: 'red"/>' }, untouchable)).rejects.toBeInstanceOf(QrError)
  })
})
