import { describe, expect, it } from 'vitest'

import { contrastRatio, hexColor, luminance } from './colors'
import { QrError } from './errors'

describe('hexColor', () => {
  it.each([
    ['#c0392b', '#c0392b'],
    ['#C0392B', '#c0392b'],
    ['#000', '#000000'],
    ['#fA0', '#ffaa00'],
  ])('writes %s as %s', (input, expected) => {
    expect(hexColor(input, 'color')).toBe(expected)
  })

  it.each([['red'], ['#c0392b80'], ['#c0392b "'], ['url(javascript:alert(1))'], [undefined]])('throws a QrError for %j', (input) => {
    expect(() => hexColor(input, 'color')).toThrow(QrError)
  })
})

describe('contrastRatio and luminance', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#000000', 21],
    ['#c0392b', '#ffffff', 5.44],
    ['#777777', '#ffffff', 4.48],
    ['#ffffff', '#ffffff', 1],
  ])('gives %s on %s a ratio of %d', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2)
  })

  it('puts black at 0 and white at 1', () => {
    expect(luminance('#000000')).toBe(0)
    expect(luminance('#ffffff')).toBe(1)
  })
})
