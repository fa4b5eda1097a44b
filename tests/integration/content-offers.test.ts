import { handleEndpoints, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Media, User } from '../../cms/payload-types'
import type { NurtureStore } from '../../functions/nurture/runner'
import { DOWNLOAD_TTL_MS, writeSimplePdf } from '../../functions/offers'
import { startFakeResend } from './fake-resend'
import { startPayload } from './payload'
import { routeContext } from './route-context'

// A content offer end to end on a real SQLite file: an editor uploads a PDF, a form sends it, the
// submission's job emails the signed link to the Resend stand-in, and the site's own routes serve it.
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const PDF = writeSimplePdf('The brand-owned website', ['Own the place where customers land.'])
const file = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length })

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>
let editor: User
let pdf: Media & { filename: string }
let image: Media & { filename: string }
let offerForm: number
let store: NurtureStore
let submitForm: typeof import('../../site/lib/form-submit').submitForm
let downloadRoute: typeof import('../../site/pages/download/[token]').GET
let mediaRoute: typeof import('../../site/pages/media/[...file]').GET
let formsApi: typeof import('../../site/pages/api/forms/[id]').POST

const download = async (token: string) =>
  downloadRoute(routeContext({ params: { token }, request: new Request(`http://localhost/download/${token}`) }))
const plainMedia = async (name: string) =>
  mediaRoute(routeContext({ params: { file: name }, request: new Request(`http://localhost/media/${name}`) }))
const cmsFile = async (name: string, token?: string) =>
  handleEndpoints({
    config: payload.config,
    request: new Request(`http://localhost:3000/api/media/file/${name}`, { headers: token ? { authorization: `JWT ${token}` } : {} }),
  })

async function submit(email: string) {
  const outcome = await submitForm({
    formId: String(offerForm),
    fields: { name: 'Ann', email, consent: 'on' },
    locale: 'en',
    pageUrl: 'https://brand.example/en/white-paper',
    referrer: null,
    userAgent: PHONE,
    clientAddress: '192.0.2.7',
    cookie: null,
  })
  if (outcome.status !== 201) throw new Error(`submission answered ${outcome.status}`)
  return outcome
}

const linkIn = (email: string) => {
  const sent = resend.received.filter((e) => e.to.includes(email))
  expect(sent).toHaveLength(1)
  const match = /https?:\/\/[^/\s]+\/download\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(sent[0]!.text)
  expect(sent[0]!.html).toContain(`/download/${match![1]}`)
  return { email: sent[0]!, token: match![1]! }
}

beforeAll(async () => {
  resend = await startFakeResend()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  ;({ payload, cleanup } = await startPayload())
  ;({ submitForm } = await import('../../site/lib/form-submit'))
  ;({ GET: downloadRoute } = await import('../../site/pages/download/[token]'))
  ;({ GET: mediaRoute } = await import('../../site/pages/media/[...file]'))
  ;({ POST: formsApi } = await import('../../site/pages/api/forms/[id]'))
  const { nurtureStoreFor } = await import('../../cms/nurture')
  store = nurtureStoreFor(payload)
  const user = await payload.create({
    collection: 'users',
    data: { email: 'editor@test.example', password: 'a-Strong-passw0rd', role: 'editor' },
  })
  editor = { ...user, collection: 'users' }
  const upload = (data: Buffer, name: string, mimetype: string) =>
    payload.create({
      collection: 'media',
      data: { alt: 'White paper' },
      file: file(data, name, mimetype),
      overrideAccess: false,
      user: editor,
    })
  const stored = (media: Media) => {
    const { filename } = media
    if (!filename) throw new Error(`Media ${media.id} was stored without a file name.`)
    return { ...media, filename }
  }
  // The browser's claimed type is not believed: the bytes make it a PDF, and its name says so.
  pdf = stored(await upload(PDF, 'white-paper.bin', 'application/octet-stream'))
  const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c8102e' } })
    .png()
    .toBuffer()
  image = stored(await upload(png, 'red.png', 'image/png'))
  offerForm = (
    await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'White paper',
        defaultRecipient: 'sales@test.example',
        minSecondsToSubmit: 0,
        successMessage: 'Thank you: your white paper is on its way.',
        successAction: 'download',
        download: pdf.id,
        fields: [
          { name: 'name', type: 'text', label: 'Name', required: true },
          { name: 'email', type: 'email', label: 'Email', required: true },
          { name: 'consent', type: 'consent', label: 'Consent', required: true, consentText: 'You may contact me.' },
        ],
      },
      depth: 0,
    })
  ).id as number
  await payload.create({ collection: 'scoring-rules', data: { name: 'Downloads', event: 'download', points: 15 }, depth: 0 })
  await payload.create({ collection: 'scoring-rules', data: { name: 'Any form', event: 'form-submitted', points: 10 }, depth: 0 })
})
afterAll(async () => {
  vi.useRealTimers()
  await cleanup?.()
  await resend?.close()
})

describe('PDFs in the media library', () => {
  it('are told by their bytes: a PDF sent as octet-stream is stored as application/pdf, named .pdf', async () => {
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', filename: 'white-paper.pdf', filesize: PDF.length })
  })

  it('refuse text that claims to be a PDF (415), and a PDF cut short', async () => {
    for (const data of [Buffer.from('Just text, named like a PDF.\n'), PDF.subarray(0, PDF.length - 100)])
      await expect(
        payload.create({
          collection: 'media',
          data: { alt: 'fake' },
          file: file(data, 'report.pdf', 'application/pdf'),
          overrideAccess: false,
          user: editor,
        }),
      ).rejects.toMatchObject({ status: 415, data: { reason: 'not-an-image' } })
  })

  it('are never served at a public address, while images are', async () => {
    expect((await plainMedia(pdf.filename)).status).toBe(404)
    expect((await cmsFile(pdf.filename)).status).toBe(403)
    const png = await cmsFile(image.filename)
    expect([png.status, png.headers.get('content-type')]).toEqual([200, 'image/png'])
    expect((await plainMedia(image.filename)).status).toBe(200)
    const anonymousList = await payload.find({ collection: 'media', overrideAccess: false, depth: 0 })
    expect(anonymousList.docs.map((d) => d.id)).toEqual([image.id])
    const { token } = await payload.login({ collection: 'users', data: { email: 'editor@test.example', password: 'a-Strong-passw0rd' } })
    const asEditor = await cmsFile(pdf.filename, token)
    expect([asEditor.status, asEditor.headers.get('content-type')]).toEqual([200, 'application/pdf'])
  })

  it('only a PDF can be a form’s download', async () => {
    await expect(payload.update({ collection: 'forms', id: offerForm, data: { download: image.id }, depth: 0 })).rejects.toMatchObject({
      status: 400,
    })
  })
})

describe('a form that sends the download', () => {
  it('answers the link at once, emails it through a job, and the link streams the PDF and scores the download once', async () => {
    const outcome = await submit('reader@example.com')
    expect(outcome.download?.path).toMatch(/^\/download\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(outcome.download?.filename).toBe('white-paper.pdf')
    await payload.jobs.run({ queue: 'default', limit: 100 })
    const { email, token } = linkIn('reader@example.com')
    expect(email.subject).toBe('Your download: White paper')
    expect(email.idempotencyKey).toMatch(/^download\/\d+\/[0-9a-f]{24}$/)
    expect(email.text).toContain('The link works for seven days.')

    for (const link of [token, outcome.download!.token]) {
      const response = await download(link)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/pdf')
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="white-paper.pdf"; filename*=UTF-8''white-paper.pdf`)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true)
    }
    const lead = (await payload.find({ collection: 'leads', where: { email: { equals: 'reader@example.com' } }, depth: 0 })).docs[0]!
    const activity = await payload.find({ collection: 'lead-activity', where: { lead: { equals: lead.id } }, sort: 'id', depth: 0 })
    expect(activity.docs.map((a) => [a.kind, a.form, a.ref])).toEqual([
      ['form-submitted', String(offerForm), String(outcome.submissionId)],
      ['download', String(offerForm), String(pdf.id)],
    ])
    const { nurtureTurn } = await import('../../functions/nurture/runner')
    await nurtureTurn(store, new Date())
    const scored = await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })
    expect(scored.score).toBe(25)
    const changes = await payload.find({ collection: 'score-changes', where: { lead: { equals: lead.id } }, sort: 'id', depth: 0 })
    expect(changes.docs.map((c) => [c.points, c.reason])).toEqual([
      [10, `Any form (+10): submitted form ${offerForm}`],
      [15, `Downloads (+15): downloaded ${pdf.id}`],
    ])
  })

  it('answers the link in the JSON answer of a script’s submission', async () => {
    const response = await formsApi(
      routeContext({
        params: { id: String(offerForm) },
        request: new Request(`http://localhost/api/forms/${offerForm}?locale=en`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': PHONE },
          body: JSON.stringify({ name: 'Bo', email: 'script@example.com', consent: 'on' }),
        }),
        url: new URL(`http://localhost/api/forms/${offerForm}?locale=en`),
        clientAddress: '192.0.2.8',
        locals: {},
      }),
    )
    expect(response.status).toBe(201)
    const body = (await response.json()) as { message: string; redirect: null; download: string }
    expect(body).toMatchObject({ ok: true, message: 'Thank you: your white paper is on its way.', redirect: null })
    expect(body.download).toMatch(/^\/download\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect((await download(body.download.slice('/download/'.length))).status).toBe(200)
  })

  it('answers 410 with a clear page from the seventh day on, and 404 for a forged or altered link', async () => {
    const { token } = linkIn('reader@example.com')
    const [body, signature] = token.split('.') as [string, string]
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { e: number }
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(claims.e - 1)
    expect((await download(token)).status).toBe(200)
    vi.setSystemTime(claims.e)
    const expired = await download(token)
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('This download link has expired')
    vi.setSystemTime(claims.e - DOWNLOAD_TTL_MS + 60_000)
    const longer = Buffer.from(JSON.stringify({ ...claims, e: claims.e + DOWNLOAD_TTL_MS })).toString('base64url')
    for (const forged of [`${longer}.${signature}`, `${body}.${signature.slice(0, -2)}AA`, `${body}x.${signature}`, 'nonsense']) {
      const response = await download(forged)
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('This download link is not valid')
    }
    vi.useRealTimers()
  })
})
