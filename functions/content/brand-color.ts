import { contrastRatio, hexColor } from '../links/colors'

/** True for a CSS hex colour (#rgb or #rrggbb); anything else could inject CSS into every page. */
export function isBrandColor(value: string): boolean {
  return /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(value)
}

/**
 * The brand colour, darkened just enough that text in it (and white text on it) reaches WCAG's
 * 4.5:1 against `background`: a light brand colour such as yellow still gives readable links and buttons.
 * @example readableInk('#ffcc00') // '#8f7200'
 */
export function readableInk(brand: string, background = '#ffffff', minimum = 4.5): string {
  const base = hexColor(brand, 'color')
  const channels = [1, 3, 5].map((at) => parseInt(base.slice(at, at + 2), 16))
  // Mix toward black in small steps: the first step that passes keeps as much of the brand as possible.
  for (let black = 0; black <= 100; black += 2) {
    const mixed = `#${channels
      .map((c) =>
        Math.round((c * (100 - black)) / 100)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`
    if (contrastRatio(mixed, background) >= minimum && contrastRatio(mixed, '#ffffff') >= minimum) return mixed
  }
  return '#000000'
}
