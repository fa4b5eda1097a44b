import { existsSync, readdirSync } from 'node:fs'

import { handleEndpoints, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tooLargeMessage } from '../../functions/content/image-upload'
import { startPayload } from './payload'

// Uploads to the media library are judged by their bytes (functions/content/image-upload.ts):
// through the Local API and through the REST API the admin panel uses, with its multipart parser.

let payload: Payload
let cleanup: () => Promise<void>
let editor: Record<string, unknown>
let token: string
let mediaDir: string
let bigPng: Buffer

const NOT_AN_IMAGE =
  'The file is not an image or a PDF: its content is not JPEG, PNG, WebP, AVIF or GIF, nor PDF, whatever its name says. ' +
  'Upload one of those.'
const TOO_MANY_PIXELS =
  'The image is 10000 × 10000 pixels (100 megapixels); images may have at most 50 megapixels. Resize it and upload it again.'
const TOO_LARGE_25 =
  'The file is 25 MB; the media library accepts at most 20 MB. Export a smaller version (2000 to 4000 pixels wide is plenty for ' +
  'the site) and upload it again.'

const textAsPng = () => Buffer.from('This is a text file that someone renamed to photo.png.\n'.repeat(20))
const file = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length })
const storedFiles = () => (existsSync(mediaDir) ? readdirSync(mediaDir) : [])

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  mediaDir = (await import('../../cms/environment')).mediaDir
  const user = await payload.create({
    collection: 'users',
    data: { email: 'editor@test.example', password: 'a-Strong-passw0rd', role: 'editor' },
  })
  editor = { ...user, collection: 'users' }
  token = (await payload.login({ collection: 'users', data: { email: 'editor@test.example', password: 'a-Strong-passw0rd' } })).token!
  // One colour compresses to a few hundred kilobytes, yet decodes to 100 million pixels.
  bigPng = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#ffffff' } })
    .png({ compressionLevel: 9 })
    .toBuffer()
})
afterAll(async () => cleanup?.())

describe('uploads through the Local API', () => {
  it('refuses a text file renamed .png, whatever type it claims (415)', async () => {
    await expect(
      payload.create({
        collection: 'media',
        data: { alt: 'text' },
        file: file(textAsPng(), 'photo.png', 'image/png'),
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toMatchObject({ status: 415, message: NOT_AN_IMAGE, data: { reason: 'not-an-image' } })
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)
    expect(storedFiles()).toEqual([])
  })

  it('refuses a 10000 × 10000 PNG of a few hundred kilobytes before decoding it (422)', async () => {
    expect(bigPng.length).toBeLessThan(1024 * 1024)
    await expect(
      payload.create({
        collection: 'media',
        data: { alt: 'bomb' },
        file: file(bigPng, 'huge.png', 'image/png'),
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toMatchObject({ status: 422, message: TOO_MANY_PIXELS, data: { reason: 'too-many-pixels' } })
    // Decoding and resizing it would take seconds and 400 MB; reading its header takes milliseconds
    // (measured by bench/editing.ts). Nothing was decoded: no file and no generated size was written.
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)
    expect(storedFiles()).toEqual([])
  })

  it('refuses a file over 20 MB without reading it as an image (413)', async () => {
    const oversize = Buffer.alloc(25 * 1024 * 1024, 0xff)
    await expect(
      payload.create({
        collection: 'media',
        data: { alt: 'big' },
        file: file(oversize, 'big.jpg', 'image/jpeg'),
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toMatchObject({ status: 413, message: TOO_LARGE_25, data: { reason: 'too-large' } })
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)
  })

  it('stores a real image with its generated sizes, and refuses replacing it with text', async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c8102e' } })
      .png()
      .toBuffer()
    const created = await payload.create({
      collection: 'media',
      data: { alt: 'red' },
      file: file(png, 'red.png', 'image/png'),
      overrideAccess: false,
      user: editor,
    })
    expect(created).toMatchObject({ mimeType: 'image/png', width: 1200, height: 800, filename: 'red.png' })
    expect(created.sizes?.webp960).toMatchObject({ width: 960, mimeType: 'image/webp' })

    await expect(
      payload.update({
        collection: 'media',
        id: created.id,
        data: {},
        file: file(textAsPng(), 'red.png', 'image/png'),
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toMatchObject({ status: 415, message: NOT_AN_IMAGE })
    const stored = await payload.findByID({ collection: 'media', id: created.id })
    expect(stored).toMatchObject({ mimeType: 'image/png', width: 1200, height: 800, filesize: png.length })
    await payload.delete({ collection: 'media', id: created.id })
  })
})

async function restUpload(
  data: Buffer,
  name: string,
  type: string,
  auth = true,
): Promise<{ status: number; body: { errors?: { message: string }[]; doc?: unknown } }> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: name }))
  const request = new Request('http://localhost:3000/api/media', {
    method: 'POST',
    body: form,
    headers: auth ? { authorization: `JWT ${token}` } : {},
  })
  const response = await handleEndpoints({ config: payload.config, request })
  return { status: response.status, body: await response.json() }
}

describe('uploads through the REST API', () => {
  it('answers 415 with the message for a text file renamed .png', async () => {
    expect(await restUpload(textAsPng(), 'photo.png', 'image/png')).toEqual({
      status: 415,
      body: { errors: [{ message: NOT_AN_IMAGE, data: { reason: 'not-an-image' }, name: 'UploadRefused' }] },
    })
  })

  it('answers 422 with the message for a 10000 × 10000 PNG', async () => {
    expect(await restUpload(bigPng, 'huge.png', 'image/png')).toEqual({
      status: 422,
      body: { errors: [{ message: TOO_MANY_PIXELS, data: { reason: 'too-many-pixels' }, name: 'UploadRefused' }] },
    })
  })

  it('answers 413 with the message for a file over 20 MB, stopping at the limit', async () => {
    const oversize = Buffer.alloc(21 * 1024 * 1024, 0xff)
    const { status, body } = await restUpload(oversize, 'big.jpg', 'image/jpeg')
    expect(status).toBe(413)
    expect(body.errors?.map((e) => e.message)).toEqual([tooLargeMessage()])
  })

  it('still refuses an anonymous upload with 403, whatever the file', async () => {
    const { status, body } = await restUpload(textAsPng(), 'photo.png', 'image/png', false)
    expect(status).toBe(403)
    expect(body.errors?.map((e) => e.message)).toEqual(['You are not allowed to perform this action.'])
  })

  it('stored nothing for any refused upload', async () => {
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)
    expect(storedFiles()).toEqual([])
  })
})
