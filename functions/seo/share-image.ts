import { createHash } from 'node:crypto'

import { contrastRatio, hexColor } from '../links'
import { escapeXml } from './xml'

/** The size every platform's large link card uses (Open Graph, X, LinkedIn, WeChat crops it square). */
export const SHARE_IMAGE_WIDTH = 1200
export const SHARE_IMAGE_HEIGHT = 630

/** Bumped when the drawing changes, so cached images made by an older drawing are not served. */
const DRAWING_VERSION = 1
const FALLBACK_COLOR = '#1f2937'
const MARGIN = 80
const TEXT_WIDTH = SHARE_IMAGE_WIDTH - 2 * MARGIN

/** What a generated share image shows. */
export interface ShareImageInput {
  title: string
  brandName: string
  /** The site's host name (brand.example), shown in the corner and instead of text that cannot be drawn. */
  host: string
  /** The brand colour (#rgb or #rrggbb); an invalid value falls back to a dark grey rather than failing. */
  color: string
  /**
   * Whether a font with Chinese glyphs is installed (`fc-list :lang=zh`). Without one, librsvg draws
   * each Chinese character as a box of hex digits, so such text is replaced by the host name.
   */
  canRenderCjk: boolean
}

/** The part of sharp's pipeline renderShareImage uses; the caller passes `sharp` in. */
export type SharpForPng = (input: Buffer) => { png(options?: { compressionLevel?: number }): { toBuffer(): Promise<Buffer> } }

const CJK =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u
const CLOSING = /^[，。、！？；：）」』》〉】,.!?;:)\]}'"”’%…]/

/** True when `text` has characters that need a CJK font. */
export function hasCjk(text: string): boolean {
  return CJK.test(text)
}

// Bold DejaVu Sans / Noto Sans widths in em, rounded up: wrapping errs towards shorter lines.
function charWidth(char: string): number {
  if (CJK.test(char) || char.codePointAt(0)! > 0x1f000) return 1
  if (char === ' ') return 0.34
  if (/[il.,:;'!|ĳ`]/.test(char)) return 0.36
  if (/[mwMW@%]/.test(char)) return 0.98
  if (/[A-Z0-9#&]/.test(char)) return 0.76
  return 0.64
}

function width(text: string, fontSize: number): number {
  let em = 0
  for (const char of text) em += charWidth(char)
  return em * fontSize
}

// Words of Latin text (with the space before them), single Chinese characters, and closing
// punctuation glued to what precedes it, so that no line starts with a comma or a full stop.
function tokens(text: string): string[] {
  const out: string[] = []
  let space = false
  let inWord = false
  for (const char of text) {
    if (/\s/.test(char)) {
      space = out.length > 0
      inWord = false
      continue
    }
    if (!space && out.length > 0 && CLOSING.test(char)) {
      out[out.length - 1] += char
    } else if (CJK.test(char)) {
      out.push(space ? ` ${char}` : char)
      inWord = false
    } else if (inWord && !space) {
      out[out.length - 1] += char
    } else {
      out.push(space ? ` ${char}` : char)
      inWord = true
    }
    space = false
  }
  return out
}

/**
 * The title broken into at most `maxLines` lines that fit `maxWidth` at `fontSize`; the last line
 * ends in an ellipsis when text was left out. `fits` tells whether everything fitted.
 */
export function wrapTitle(text: string, fontSize: number, maxWidth: number, maxLines: number): { lines: string[]; fits: boolean } {
  const lines: string[] = []
  let line = ''
  const all = tokens(text)
  for (let i = 0; i < all.length; i++) {
    const token = all[i]!
    const candidate = line + token
    if (width(candidate, fontSize) <= maxWidth || line === '') {
      line = line === '' ? token.trimStart() : candidate
      continue
    }
    lines.push(line)
    line = token.trimStart()
    if (lines.length === maxLines) {
      return { lines: ellipsize(lines, fontSize, maxWidth), fits: false }
    }
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) return { lines: ellipsize(lines.slice(0, maxLines), fontSize, maxWidth), fits: false }
  // A single word wider than the line (a long URL) is cut too.
  const tooWide = lines.some((l) => width(l, fontSize) > maxWidth)
  return tooWide ? { lines: lines.map((l) => cutToWidth(l, fontSize, maxWidth)), fits: false } : { lines, fits: true }
}

function cutToWidth(line: string, fontSize: number, maxWidth: number): string {
  if (width(line, fontSize) <= maxWidth) return line
  let chars = [...line]
  while (chars.length > 1 && width(`${chars.join('')}…`, fontSize) > maxWidth) chars = chars.slice(0, -1)
  return `${chars.join('').trimEnd()}…`
}

function ellipsize(lines: string[], fontSize: number, maxWidth: number): string[] {
  const last = lines[lines.length - 1]!
  let chars = [...last]
  while (chars.length > 1 && width(`${chars.join('')}…`, fontSize) > maxWidth) chars = chars.slice(0, -1)
  return [...lines.slice(0, -1), `${chars.join('').trimEnd()}…`]
}

function drawable(text: string, canRenderCjk: boolean): boolean {
  return canRenderCjk || !hasCjk(text)
}

/**
 * The share image as SVG: the title in large type on the brand colour, the brand name and host
 * beneath. Every text is XML-escaped and the colour validated, so no input reaches the markup raw.
 */
export function shareImageSvg(input: ShareImageInput): string {
  let color: string
  try {
    color = hexColor(input.color, 'color')
  } catch {
    // A broken colour setting must not take share cards down; the form validates it anyway.
    color = FALLBACK_COLOR
  }
  const ink = contrastRatio('#ffffff', color) >= contrastRatio('#111111', color) ? '#ffffff' : '#111111'
  const host = input.host.replace(/[^a-z0-9.:-]/gi, '').slice(0, 60)
  const title = drawable(input.title, input.canRenderCjk) && input.title.trim() ? input.title.replace(/\s+/g, ' ').trim() : host
  const brand = drawable(input.brandName, input.canRenderCjk) ? input.brandName.replace(/\s+/g, ' ').trim() : ''

  let fontSize = 76
  let wrapped = wrapTitle(title, fontSize, TEXT_WIDTH, 3)
  for (const size of [66, 58, 52]) {
    if (wrapped.fits) break
    fontSize = size
    wrapped = wrapTitle(title, fontSize, TEXT_WIDTH, 3)
  }
  const lineHeight = Math.round(fontSize * 1.25)
  const blockHeight = lineHeight * wrapped.lines.length
  // The title block is centred in the space above the footer band.
  const top = Math.round((500 - blockHeight) / 2 + fontSize * 0.9)
  const font = `font-family="'Noto Sans CJK SC','Noto Sans SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',sans-serif"`

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" ` +
      `viewBox="0 0 ${SHARE_IMAGE_WIDTH} ${SHARE_IMAGE_HEIGHT}">`,
    `<rect width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" fill="${color}"/>`,
    `<rect y="520" width="${SHARE_IMAGE_WIDTH}" height="110" fill="#000000" fill-opacity="0.16"/>`,
    `<rect x="${MARGIN}" y="${top - fontSize - 28}" width="96" height="8" rx="4" fill="${ink}" fill-opacity="0.85"/>`,
    `<text ${font} font-size="${fontSize}" font-weight="700" fill="${ink}">`,
    ...wrapped.lines.map((line, i) => `<tspan x="${MARGIN}" y="${top + i * lineHeight}">${escapeXml(line)}</tspan>`),
    '</text>',
    brand
      ? `<text ${font} x="${MARGIN}" y="587" font-size="34" font-weight="700" fill="${ink}">${escapeXml(cutToWidth(brand, 34, 620))}</text>`
      : '',
    `<text ${font} x="${SHARE_IMAGE_WIDTH - MARGIN}" y="585" font-size="28" text-anchor="end" fill="${ink}" fill-opacity="0.85">` +
      `${escapeXml(host)}</text>`,
    '</svg>',
  ].join('')
}

/** A stable name for the image `input` draws: the same inputs give the same file. */
export function shareImageKey(input: ShareImageInput): string {
  const parts = [DRAWING_VERSION, input.title, input.brandName, input.host, input.color, input.canRenderCjk]
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)
}

/**
 * The share image as a 1200×630 PNG, drawn by the sharp function passed in.
 * @example await renderShareImage({ title: 'Launch', brandName: 'Cinnabar', host: 'brand.example', color: '#c8102e', canRenderCjk: true },
 *   sharp)
 */
export async function renderShareImage(input: ShareImageInput, sharp: SharpForPng): Promise<Buffer> {
  return sharp(Buffer.from(shareImageSvg(input)))
    .png({ compressionLevel: 9 })
    .toBuffer()
}
