import { describe, expect, it } from 'vitest'

import { normalizeEmail, normalizePhone } from './normalize'

describe('normalize', () => {
  it.each([
    ['138 0013 8000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['021 5888 0000', '02158880000'],
    ['12345', null],
    ['call me', null],
    ['1'.repeat(20), null],
  ])('phone %s is %s', (input, expected) => expect(normalizePhone(input)).toBe(expected))
  it('lower-cases and trims emails but keeps +tags', () => expect(normalizeEmail(' Li+News@Example.COM ')).toBe('li+news@example.com'))
})
