import { describe, expect, it } from 'vitest'

import { isPublicContent } from './visibility'

describe('isPublicContent', () => {
  it.each([
    [{ _status: 'published' }, true],
    [{}, true],
    [{ _status: 'published', visibility: 'public' }, true],
    [{ _status: 'published', visibility: null }, true],
    [{ _status: 'published', visibility: '' }, true],
    [{ _status: 'draft' }, false],
    [{ _status: 'published', visibility: 'members' }, false],
    [{ _status: 'published', visibility: 'anything-else' }, false],
    [{ _status: 'draft', visibility: 'public' }, false],
  ])('%j → %s', (doc, expected) => {
    expect(isPublicContent(doc)).toBe(expected)
  })
})
