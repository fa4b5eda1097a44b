import { describe, expect, it } from 'vitest'

import { firstText, oneLine, truncate } from './text'

describe('text helpers', () => {
  it.each([
    ['Short', 10, 'Short'],
    ['Bring customers home to the brand', 20, 'Bring customers…'],
    ['让顾客来到品牌自己的地方，而不是平台', 10, '让顾客来到品牌自己…'],
    ['word, another, third', 15, 'word, another…'],
    ['😀😀😀😀😀', 3, '😀😀…'],
  ])('truncate(%j, %i) is %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected)
    expect([...truncate(text, max)].length).toBeLessThanOrEqual(max)
  })

  it('oneLine collapses whitespace and firstText skips empty candidates', () => {
    expect(oneLine('  a\n\n\tb  ')).toBe('a b')
    expect(oneLine(null)).toBe('')
    expect(firstText(null, '   ', undefined, ' x  y ', 'z')).toBe('x y')
    expect(firstText(null, '')).toBe('')
  })
})
