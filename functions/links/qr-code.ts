import { type BitMatrix, create } from 'qrcode'

import { contrastRatio, hexColor, luminance, MIN_QR_CONTRAST } from './colors'
import { QrError } from './errors'

/** The PNG widths, in pixels, that an editor can download a QR code at: a screen, a flyer, a poster, a banner. */
export const PRINT_SIZES = [256, 512, 1024, 2048] as const

/** One of PRINT_SIZES. */
export type PrintSize = (typeof PRINT_SIZES)[number]

/** The widest quiet zone, in modules, that qrSvg draws; the standard asks for 4. */
export const MAX_MARGIN = 16

/**
 * The most of the symbol's width that the logo square may cover: level H recovers 30% of the codewords,
 * and this square hides about 4% of the modules.
 */
export const LOGO_SHARE = 0.2

/**
 * How a QR code is drawn: `color` is the brand colour (#rgb or #rrggbb), on a light `background` (#ffffff),
 * with a quiet zone of `margin` modules (4).
 */
export interface QrSvgOptions {
  color: string
  background?: string
  margin?: number
  /** Leave a white rounded square in the centre with an empty `<g id="logo">` in it, for a caller to fill. */
  logo?: boolean
}

/** How a QR code is rendered as PNG: the SVG options plus the exact width and height in pixels. */
export interface QrPngOptions extends QrSvgOptions {
  size: PrintSize
}

/** The part of sharp's pipeline that qrPng uses. */
export interface SharpPipeline {
  resize(width: number, height: number, options: { fit: 'fill'; kernel: 'nearest' }): SharpPipeline
  png(): SharpPipeline
  toBuffer(): Promise<Buffer>
}

/** The sharp function, passed in by the caller (`import sharp from 'sharp'`) so that this module loads no native code itself. */
export type SharpLike = (input: Buffer) => SharpPipeline

/**
 * A QR code for `text` as an SVG string, always at error-correction level H; throws a QrError for a bad colour, margin or text.
 * With `logo`, the centre holds `<g id="logo" transform="…">` whose inner box is 0 0 100 100: inject `<image href="…" width="100"
 * height="100"/>` there.
 * @example qrSvg('https://brand.example/go/spring', { color: '#c0392b', logo: true })
 *   // '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 41 41" …'
 */
export function qrSvg(text: string, options: QrSvgOptions): string {
  return renderSvg(text, options, null)
}

/**
 * A QR code for `text` as a PNG of exactly `size` × `size` pixels, drawn from qrSvg's SVG by the sharp function passed in.
 * @example await qrPng('https://brand.example/go/spring', { size: 1024, color: '#c0392b' }, sharp)
 */
export async function qrPng(text: string, options: QrPngOptions, sharp: SharpLike): Promise<Buffer> {
  const size = options.size
  if (!(PRINT_SIZES as readonly number[]).includes(size)) {
    throw new QrError(`The QR code's PNG size must be one of ${PRINT_SIZES.join(', ')} pixels; pick one of those.`, 'size')
  }
  // The SVG carries width and height, so librsvg draws it at the final size; the resize only guarantees the exact pixels.
  const svg = renderSvg(text, options, size)
  return sharp(Buffer.from(svg)).resize(size, size, { fit: 'fill', kernel: 'nearest' }).png().toBuffer()
}

function renderSvg(text: string, options: QrSvgOptions, pixels: number | null): string {
  // Every value written into the markup below is a validated #rrggbb colour or a number we computed: never raw input.
  const color = hexColor(options.color, 'color')
  const background = hexColor(options.background ?? '#ffffff', 'background')
  if (luminance(color) >= luminance(background) || contrastRatio(color, background) < MIN_QR_CONTRAST) {
    throw new QrError(
      `The QR colour is too light against its background for phones to scan it reliably (it needs at least ${MIN_QR_CONTRAST}:1 ` +
        `contrast, dark on light); choose a darker colour.`,
      'color',
    )
  }
  const margin = options.margin ?? 4
  if (!Number.isInteger(margin) || margin < 0 || margin > MAX_MARGIN) {
    throw new QrError(`The QR margin must be a whole number of modules from 0 to ${MAX_MARGIN}; 4 is the standard.`, 'margin')
  }

  const modules = encode(text)
  const width = modules.size + 2 * margin
  const hole = options.logo ? logoHole(modules.size) : null
  const inHole = (row: number, col: number) =>
    hole !== null && row >= hole.start && row < hole.start + hole.side && col >= hole.start && col < hole.start + hole.side

  const path: string[] = []
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size;) {
      let end = col
      while (end < modules.size && modules.get(row, end) && !inHole(row, end)) end++
      if (end > col) path.push(`M${col + margin} ${row + margin}h${end - col}v1h-${end - col}z`)
      col = Math.max(end, col + 1)
    }
  }

  const size = pixels === null ? '' : ` width="${pixels}" height="${pixels}"`
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${width}"${size} shape-rendering="crispEdges">`,
    `<rect width="${width}" height="${width}" fill="${background}"/>`,
    `<path fill="${color}" d="${path.join('')}"/>`,
  ]
  if (hole) {
    const at = hole.start + margin
    const inset = hole.side / 10
    parts.push(
      `<rect x="${at}" y="${at}" width="${hole.side}" height="${hole.side}" rx="${round(hole.side / 5)}" fill="#ffffff" ` +
        `shape-rendering="geometricPrecision"/>`,
      `<g id="logo" transform="translate(${round(at + inset)} ${round(at + inset)}) scale(${round((hole.side - 2 * inset) / 100)})"></g>`,
    )
  }
  parts.push('</svg>')
  return parts.join('')
}

function encode(text: string): BitMatrix {
  if (typeof text !== 'string' || text.length === 0) {
    throw new QrError('A QR code needs some text to encode, such as the campaign link; none was given.', 'text')
  }
  try {
    return create(text, { errorCorrectionLevel: 'H' }).modules
  } catch {
    // The library throws only when the text does not fit the largest symbol; say that without echoing the text.
    throw new QrError(
      'The text is too long for a QR code at error-correction level H (about 1,200 bytes at most); use a shorter link.',
      'text',
    )
  }
}

/** The centre square, in modules of the symbol: odd-sided so that it sits exactly in the middle of an odd-sized symbol. */
function logoHole(symbolSize: number): { start: number; side: number } {
  const widest = Math.floor(symbolSize * LOGO_SHARE)
  const side = Math.max(1, widest % 2 === 1 ? widest : widest - 1)
  return { start: (symbolSize - side) / 2, side }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
