import { describe, expect, it } from 'vitest'

import { contrastRatio } from '../links/colors'
import { isBrandColor, readableInk } from './brand-color'

describe('isBrandColor', () => {
  it.each([
    ['#c8102e', true],
    ['#FFF', true],
    ['red', false],
    ['#c8102e; background: url(x)', false],
    ['#12345', false],
  ])('%s is %s', (value, expected) => {
    expect(isBrandColor(value)).toBe(expected)
  })
})

describe('readableInk', () => {
  it('keeps a brand colour that already reads well on white', () => {
    expect(readableInk('#c8102e')).toBe('#c8102e')
    expect(readableInk('#003366')).toBe('#003366')
  })

  it.each(['#ffcc00', '#00bcd4', '#ff9900', '#ffffff', '#8bc34a', '#FC0'])(
    'darkens %s until text in it reaches 4.5:1 on white and on a warm paper',
    (brand) => {
      const ink = readableInk(brand, '#f6f1ea')
      expect(contrastRatio(ink, '#ffffff')).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(ink, '#f6f1ea')).toBeGreaterThanOrEqual(4.5)
    },
  )

  it('darkens no more than needed', () => {
    expect(readableInk('#ffcc00')).toBe('#8f7200')
    expect(contrastRatio('#8f7200', '#ffffff')).toBeGreaterThanOrEqual(4.5)
    // One step lighter (42% black instead of 44%) falls short.
    expect(contrastRatio('#947600', '#ffffff')).toBeLessThan(4.5)
    // A tinted background needs a little more.
    expect(readableInk('#ffcc00', '#f6f1ea')).toBe('#856a00')
  })
})
