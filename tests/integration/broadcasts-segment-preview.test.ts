// Who a segment reaches, as the editor sees it: a saved segment's preview and a live count of rules being edited.
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { editor, members, newsletter, payload, unsubscribedByEmailLink, useBroadcasts } from './broadcasts-harness'
import { endpointRequest } from './route-context'

useBroadcasts()

// As after the first broadcast (broadcasts-send.test.ts): Alice unsubscribed by its link, so the newsletter reaches Erin alone.
beforeAll(async () => unsubscribedByEmailLink(members.alice!))

describe('a segment preview', () => {
  it('counts who a broadcast would reach now and shows the first of them, for editors only', async () => {
    const { segmentRecipientsEndpoint } = await import('../../cms/broadcasts/preview')
    const call = (user: User | null) =>
      segmentRecipientsEndpoint.handler(endpointRequest({ payload, user, routeParams: { id: String(newsletter) } }))
    const answer = await call(editor)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ count: 1, first: [{ key: `m:${members.erin}`, email: 'erin@people.example', name: null }] })
    expect((await call(null)).status).toBe(403)
  })
})

describe('a live segment count while rules are edited (POST /api/segments/preview)', () => {
  it('counts the rules as the form holds them, names the bad ones, and refuses what is not JSON or not an editor', async () => {
    const { segmentPreviewEndpoint } = await import('../../cms/broadcasts/preview')
    const call = (user: User | null, body: string) =>
      segmentPreviewEndpoint.handler(endpointRequest({ payload, user, text: async () => body }))
    const newsletterRules = JSON.stringify({ match: 'all', rules: [{ kind: 'topic', topic: 'newsletter' }] })
    const ok = await call(editor, newsletterRules)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ count: 1, first: [{ key: `m:${members.erin}`, email: 'erin@people.example', name: null }] })
    const anyOf = await call(
      editor,
      JSON.stringify({
        match: 'any',
        rules: [
          { kind: 'topic', topic: 'newsletter' },
          { kind: 'leadStatus', status: 'new' },
        ],
      }),
    )
    expect(((await anyOf.json()) as { count: number }).count).toBeGreaterThan(1)
    const bad = await call(editor, JSON.stringify({ match: 'all', rules: [{ kind: 'points', above: -5 }, {}] }))
    expect(bad.status).toBe(422)
    expect(await bad.json()).toEqual({
      errors: [
        { rule: 0, field: 'above', message: 'Give a number of points, 0 or more.' },
        { rule: 1, field: 'kind', message: 'Choose what the rule looks at.' },
      ],
    })
    expect((await call(editor, 'not json')).status).toBe(400)
    expect((await call(editor, 'x'.repeat(70_000))).status).toBe(413)
    expect((await call(null, newsletterRules)).status).toBe(403)
  })
})
