// Subscribers as CSV: imported once per address with the admin's note, refused when too large or without emails, exported.
import { describe, expect, it } from 'vitest'

import { admin, base, call, find, hashAddress, io, owner, payload, useLeadRights } from './lead-rights-harness'

useLeadRights()

describe('subscribers as CSV', () => {
  const csv = (lines: string[]) => `\uFEFFemail,name,language,topics\r\n${lines.join('\r\n')}\r\n`

  it(
    'imports each address once with the source and the admin’s note, keeps a person’s unsubscribe ' + 'and skips suppressed addresses',
    async () => {
      const member = await payload.create({ collection: 'members', data: { email: 'member.import@example.com' } })
      const left = await payload.create({ collection: 'leads', data: { email: 'left.import@example.com', status: 'new' } })
      await payload.create({
        collection: 'consent-log',
        data: { lead: left.id, topic: 'newsletter', subscribed: false, source: 'email-link', at: '2026-02-01T00:00:00.000Z' },
      })
      await payload.create({
        collection: 'suppressions',
        data: { addressHash: hashAddress('bounced.import@example.com'), reason: 'bounce', at: '2026-02-01T00:00:00.000Z' },
      })
      const body = csv([
        'member.import@example.com,,,',
        '"New, Person",zh-CN,newsletter',
        '"new.import@example.com","Li, Lei",zh-CN,newsletter',
        'left.import@example.com,,,newsletter',
        'bounced.import@example.com,,,',
        'NEW.import@example.com,,,',
        'other.import@example.com,,fr,',
        'topic.import@example.com,,,no-such-topic',
      ])
      expect((await call(io.importSubscribersEndpoint, owner, { body, query: { note: 'Expo sheet' } })).status).toBe(403)
      const noNote = await call(io.importSubscribersEndpoint, admin, { body })
      expect(noNote.status).toBe(400)
      expect((noNote.json().errors as { field: string }[])[0]!.field).toBe('note')

      const imported = await call(io.importSubscribersEndpoint, admin, { body, query: { note: 'Expo sign-up sheet, Oct 2026' } })
      expect(imported.status).toBe(200)
      expect(imported.json()).toEqual({
        subscribed: 2,
        unchanged: 0,
        kept: [{ line: 5, topics: ['newsletter'] }],
        skipped: [
          { line: 3, field: 'email', message: 'Not an email address.' },
          { line: 7, field: 'email', message: 'This address is on an earlier line.' },
          { line: 8, field: 'language', message: 'Use zh-CN or en, or leave it empty.' },
          { line: 9, field: 'topics', message: 'There is no topic "no-such-topic"; add it under Topics first.' },
          { line: 6, field: 'email', message: 'This address bounced, complained or was erased: it is never mailed.' },
        ],
      })
      expect(await find('consent-log', { member: { equals: member.id } })).toMatchObject([
        { topic: 'newsletter', subscribed: true, source: 'import', note: 'Expo sign-up sheet, Oct 2026' },
      ])
      const lead = (await payload.find({ collection: 'leads', where: { email: { equals: 'new.import@example.com' } }, ...base })).docs
      expect(lead.map((l) => l.name)).toEqual(['Li, Lei'])
      expect(await find('consent-log', { lead: { equals: lead[0]!.id } })).toMatchObject([
        { topic: 'newsletter', subscribed: true, source: 'import' },
      ])
      expect((await find('consent-log', { lead: { equals: left.id } })).map((c) => c.subscribed)).toEqual([false])

      // The same file again subscribes nobody twice.
      const again = await call(io.importSubscribersEndpoint, admin, { body, query: { note: 'Expo sign-up sheet, Oct 2026' } })
      expect(again.json()).toMatchObject({ subscribed: 0, unchanged: 2 })
    },
  )

  it('refuses a file over 5 MB with 413 without reading it all, and a file without an email column with 400', async () => {
    const huge = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(`email\r\n${'a@example.com\r\n'.repeat(4096)}`)
        for (let i = 0; i < 200; i++) controller.enqueue(chunk)
        controller.close()
      },
    })
    const tooLarge = await call(io.importSubscribersEndpoint, admin, { body: huge, query: { note: 'Old tool' } })
    expect(tooLarge.status).toBe(413)
    const noEmail = await call(io.importSubscribersEndpoint, admin, { body: 'name\r\nMei\r\n', query: { note: 'Old tool' } })
    expect(noEmail.json()).toEqual({
      errors: [{ field: 'file', message: 'The first line must name the columns, with one called "email".' }],
    })
  })

  it('exports members and subscribers with their topics, in the columns the import reads, for admins only', async () => {
    expect((await call(io.exportSubscribersEndpoint, owner)).status).toBe(403)
    const response = await call(io.exportSubscribersEndpoint, admin)
    expect(response.status).toBe(200)
    const lines = response.text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('kind,email,name,language,topics,unsubscribed,since,suppressed')
    expect(lines).toContainEqual(expect.stringMatching(/^lead,new\.import@example\.com,"Li, Lei",,newsletter,,[^,]+,no$/))
    expect(lines).toContainEqual(expect.stringMatching(/^member,member\.import@example\.com,,[^,]*,newsletter,,[^,]+,no$/))
    expect(lines).toContainEqual(expect.stringMatching(/^lead,left\.import@example\.com,,,,newsletter,[^,]+,no$/))
  })
})
