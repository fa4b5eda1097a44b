import { describe, expect, it } from 'vitest'

import { cleanText } from './clean-text'

describe('cleanText', () => {
  it.each([
    ['  Spring Launch  ', 200, 'Spring Launch'],
    ['春季发布', 200, '春季发布'],
    ['春季发布', 2, '春季'],
    ['😀😀😀', 2, '😀😀'],
    ['ab  cd', 3, 'ab'],
    ['spring\u0000\u0007\u001f\u007f\u0085-launch', 200, 'spring-launch'],
    ['\u202eevil\u202c \u2066x\u2069', 200, 'evil x'],
    ['👩‍💻', 200, '👩‍💻'],
    ['\t\n ', 200, null],
    ['', 200, null],
    [null, 200, null],
    [undefined, 200, null],
    // Deliberately not a string: what an untyped caller could pass.
    [42 as unknown as string, 200, null],
  ])('%j cut to %i is %j', (value, max, expected) => {
    expect(cleanText(value, max)).toBe(expected)
  })
})
