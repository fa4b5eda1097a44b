import { describe, expect, it } from 'vitest'

import { mergeTimeline } from './timeline'

describe('mergeTimeline', () => {
  it('tells arrivals, activity and score changes as one story, newest first, each score change after its cause', () => {
    const timeline = mergeTimeline({
      touches: [{ at: '2026-03-01T10:00:00.000Z', channel: 'wechat', source: 'moments', campaign: 'spring', landingPage: '/zh' }],
      activity: [
        { at: '2026-03-01T10:01:00.000Z', kind: 'page-view', path: '/blog/tea' },
        { at: '2026-03-01T10:05:00.000Z', kind: 'form-submitted', form: '3' },
        { at: '2026-03-02T09:00:00.000Z', kind: 'download', ref: '12' },
      ],
      scores: [{ at: '2026-03-01T10:05:00.000Z', points: 10, reason: 'Rule "Contact form" (form-submitted)' }],
    })
    expect(timeline).toEqual([
      { at: '2026-03-02T09:00:00.000Z', kind: 'download', text: 'Downloaded document 12' },
      { at: '2026-03-01T10:05:00.000Z', kind: 'score', text: 'Score +10: Rule "Contact form" (form-submitted)' },
      { at: '2026-03-01T10:05:00.000Z', kind: 'form-submitted', text: 'Submitted form 3' },
      { at: '2026-03-01T10:01:00.000Z', kind: 'page-view', text: 'Read /blog/tea' },
      { at: '2026-03-01T10:00:00.000Z', kind: 'touch', text: 'Arrived from wechat (moments) campaign spring at /zh' },
    ])
  })

  it('keeps the newest lines when there are more than the limit', () => {
    const activity = Array.from({ length: 5 }, (_, i) => ({
      at: `2026-03-0${i + 1}T00:00:00.000Z`,
      kind: 'email-open' as const,
      ref: null,
    }))
    expect(mergeTimeline({ touches: [], activity, scores: [{ at: '2026-02-01T00:00:00.000Z', points: -5, reason: 'decay' }] }, 2)).toEqual([
      { at: '2026-03-05T00:00:00.000Z', kind: 'email-open', text: 'Opened an email' },
      { at: '2026-03-04T00:00:00.000Z', kind: 'email-open', text: 'Opened an email' },
    ])
  })
})
