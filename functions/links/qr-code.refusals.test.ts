import { describe, expect, it } from 'vitest'

import { QrError } from './errors'
import { qrPng, qrSvg, type SharpLike } from './qr-code'

// What qrSvg and qrPng refuse, and how: a QrError with a status, the field and a message that
// never repeats the input. What they draw is tested in qr-code.test.ts.

const LINK = 'https://brand.example/go/spring-2025'
const BRAND = '#c0392b'

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('qrSvg refuses', () => {
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
      new QrError(
        'The QR colour is too light against its background for phones to scan it reliably (it needs at least 3:1 contrast, dark on light); choose a darker colour.',
        'color',
      ),
    )
  })

  it.each([['#000'], ['#c0392b'], ['#1a5276'], ['#0b6623']])('accepts the dark brand colour %s', (color) => {
    expect(qrSvg(LINK, { color })).toContain(`<path fill="#`)
  })

  // '4' is deliberately a string margin, as an untyped caller could pass.
  it.each([[-1], [1.5], [17], [Number.NaN], [Number.POSITIVE_INFINITY], ['4' as unknown as number]])('refuses the margin %s', (margin) => {
    expect(() => qrSvg(LINK, { color: BRAND, margin })).toThrow(
      new QrError('The QR margin must be a whole number of modules from 0 to 16; 4 is the standard.', 'margin'),
    )
  })

  it('refuses empty text', () => {
    expect(() => qrSvg('', { color: BRAND })).toThrow(
      new QrError('A QR code needs some text to encode, such as the campaign link; none was given.', 'text'),
    )
    // Deliberately no text, as an untyped caller could pass.
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

describe('qrPng refuses', () => {
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
