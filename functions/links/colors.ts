import { type LinkErrorField, QrError } from './errors'

/** The least contrast between a QR code's colour and its background that we let go to print (WCAG's 3:1 for graphics). */
export const MIN_QR_CONTRAST = 3

/**
 * A #rgb or #rrggbb colour written out as lowercase #rrggbb; anything else throws a QrError, because the value ends up inside SVG markup.
 * @example hexColor('#C33', 'color') // '#cc3333'
 */
export function hexColor(value: unknown, field: LinkErrorField): string {
  const name = field === 'background' ? 'background colour' : 'colour'
  if (typeof value !== 'string' || !/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(value)) {
    throw new QrError(`The QR ${name} must be a hex colour such as #c0392b (#rgb or #rrggbb); pick another value.`, field)
  }
  const hex = value.slice(1).toLowerCase()
  return hex.length === 3 ? `#${[...hex].map((digit) => digit + digit).join('')}` : `#${hex}`
}

/**
 * The WCAG contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white).
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/**
 * The WCAG relative luminance of a #rrggbb colour, from 0 (black) to 1 (white).
 * @example luminance('#ffffff') // 1
 */
export function luminance(color: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(color.slice(at, at + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
