import { describe, expect, it } from 'vitest'

import { directTouch } from './channels'
import type { Touch } from './touch'
import { createTouchRecorder, type LinkClickCount, type TouchStore, type VisitorTouch } from './touch-recorder'

function memoryStore(failures = 0) {
  const touches: VisitorTouch[] = []
  const clicks: LinkClickCount[] = []
  let fail = failures
  const store: TouchStore = {
    insertTouches: async (rows) => {
      if (fail-- > 0) throw new Error('database is locked')
      touches.push(...rows)
    },
    addClicks: async (rows) => void clicks.push(...rows),
    touchesOf: async () => ({ first: null, last: null }),
    linkVisitor: async () => {},
  }
  return { store, touches, clicks }
}

const touch = (over: Partial<Touch>): Touch => ({ ...directTouch('https://brand.example/', '2026-03-03T10:00:00Z'), ...over })

describe('createTouchRecorder', () => {
  it('writes queued touches in one batch on flush, in order', async () => {
    const { store, touches } = memoryStore()
    const recorder = createTouchRecorder(store)
    expect(recorder.record('v1', touch({ channel: 'wechat' }))).toBe(true)
    expect(recorder.record('v2', touch({ channel: 'weibo' }))).toBe(true)
    expect(recorder.pending()).toEqual({ touches: 2, clicks: 0 })
    await recorder.flush()
    expect(touches.map((t) => [t.visitor, t.touch.channel])).toEqual([
      ['v1', 'wechat'],
      ['v2', 'weibo'],
    ])
    expect(recorder.pending()).toEqual({ touches: 0, clicks: 0 })
  })

  it('skips a repeat of the same arrival within a minute, not after', () => {
    const recorder = createTouchRecorder(memoryStore().store)
    const t = touch({ channel: 'x', source: 'x', campaign: 'launch' })
    expect(recorder.record('v1', t)).toBe(true)
    expect(recorder.record('v1', { ...t, at: '2026-03-03T10:00:59Z' })).toBe(false)
    expect(recorder.record('v1', { ...t, at: '2026-03-03T10:02:00Z' })).toBe(true)
    expect(recorder.record('v2', t)).toBe(true)
  })

  it("takes the landing request after a campaign link's redirect as the same arrival", () => {
    const recorder = createTouchRecorder(memoryStore().store)
    expect(
      recorder.record('v1', touch({ channel: 'offline', source: 'poster', medium: 'qr', campaign: 'spring', campaignLink: 'poster' })),
    ).toBe(true)
    expect(
      recorder.record('v1', touch({ channel: 'other', source: 'poster', medium: 'qr', campaign: 'spring', at: '2026-03-03T10:00:01Z' })),
    ).toBe(false)
    expect(
      recorder.record('v1', touch({ channel: 'search', source: 'baidu', at: '2026-03-03T10:00:02Z', referrer: 'https://www.baidu.com/' })),
    ).toBe(true)
  })

  it('adds clicks per link and day', async () => {
    const { store, clicks } = memoryStore()
    const recorder = createTouchRecorder(store)
    recorder.click('poster', new Date('2026-03-03T23:59:59Z'))
    recorder.click('poster', new Date('2026-03-03T10:00:00Z'))
    recorder.click('poster', new Date('2026-03-04T00:00:00Z'))
    recorder.click('wx', new Date('2026-03-03T10:00:00Z'))
    expect(recorder.pending().clicks).toBe(4)
    await recorder.flush()
    expect(clicks).toEqual([
      { link: 'poster', day: '2026-03-03', count: 2 },
      { link: 'poster', day: '2026-03-04', count: 1 },
      { link: 'wx', day: '2026-03-03', count: 1 },
    ])
  })

  it('keeps a batch the store refused and writes it with the next flush', async () => {
    const { store, touches } = memoryStore(1)
    const errors: unknown[] = []
    const recorder = createTouchRecorder(store, (e) => errors.push(e))
    recorder.record('v1', touch({}))
    await recorder.flush()
    expect(touches).toHaveLength(0)
    expect(errors).toHaveLength(1)
    recorder.record('v2', touch({}))
    await recorder.flush()
    expect(touches.map((t) => t.visitor)).toEqual(['v1', 'v2'])
  })
})
