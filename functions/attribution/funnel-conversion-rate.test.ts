// conversionRate: a step's count over the step before it, or null where there is nothing to divide by.
import { describe, expect, it } from 'vitest'

import { conversionRate } from './funnel'

describe('conversionRate', () => {
  it.each([
    [1, 4, 0.25],
    [0, 4, 0],
    [5, 4, 1.25],
    [0, 0, null],
    [3, 0, null],
  ])('%i of %i is %s', (count, of, expected) => {
    expect(conversionRate(count, of)).toBe(expected)
  })
})
