import { describe, expect, it } from 'vitest'

import { gateFor, isPublicVisibility } from './gate'

const gold = { name: 'Gold', minPoints: 500 }

describe('gateFor', () => {
  it.each([
    [{ visibility: 'public' }, null, { open: true }],
    [{}, null, { open: true }],
    [{ visibility: 'members' }, null, { open: false, need: 'sign-in', tierName: null, tierPoints: null }],
    [{ visibility: 'members' }, { tierPoints: 0 }, { open: true }],
    [{ visibility: 'tier', minTier: gold }, null, { open: false, need: 'sign-in', tierName: 'Gold', tierPoints: 500 }],
    [{ visibility: 'tier', minTier: gold }, { tierPoints: 499 }, { open: false, need: 'upgrade', tierName: 'Gold', tierPoints: 500 }],
    [{ visibility: 'tier', minTier: gold }, { tierPoints: 500 }, { open: true }],
    [{ visibility: 'tier', minTier: null }, { tierPoints: 0 }, { open: true }],
    // A tier id that is not populated (deliberately the wrong shape for minTier).
    [{ visibility: 'tier', minTier: 7 as never }, null, { open: false, need: 'sign-in', tierName: null, tierPoints: null }],
    [{ visibility: 'secret-new-kind' }, null, { open: false, need: 'sign-in', tierName: null, tierPoints: null }],
  ])('%j read by %j: %j', (doc, reader, decision) => {
    expect(gateFor(doc, reader)).toEqual(decision)
  })

  it('treats only public or no visibility as public', () => {
    expect([undefined, null, 'public', 'members', 'tier', ''].map(isPublicVisibility)).toEqual([true, true, true, false, false, false])
  })
})
