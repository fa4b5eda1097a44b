import { describe, expect, it } from 'vitest'

import { safeFilename, sniffFile } from './files'
import type { FormDefinition } from './form-definition'
import { fillHiddenFields } from './hidden-fields'
import { createRateLimiter } from './rate-limit'
import { validateSubmission } from './validate-submission'

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))

describe('createRateLimiter', () => {
  it('allows a burst of the limit, then refuses with the wait until the next one', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 })
    expect([0, 1, 2].map(() => limiter.hit('ip:a', 1000).allowed)).toEqual([true, true, true])
    expect(limiter.hit('ip:a', 1000)).toEqual({ allowed: false, retryAfterMs: 20_000 })
    expect(limiter.hit('ip:b', 1000).allowed).toBe(true)
    expect(limiter.hit('ip:a', 21_000)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(limiter.hit('ip:a', 21_000).allowed).toBe(false)
  })
  it('forgets the least recently seen keys beyond its bound, erring towards allowing', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 })
    limiter.hit('a', 0)
    limiter.hit('b', 0)
    limiter.hit('c', 0)
    expect(limiter.hit('a', 0).allowed).toBe(true)
    expect(limiter.hit('c', 0).allowed).toBe(false)
  })
})

describe('sniffFile', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['a PDF', bytes('%PDF-1.7\n'), 'pdf application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image image/jpeg'],
    ['a WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image image/webp'],
    ['a docx (zip)', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'office application/zip'],
    ['UTF-8 text', bytes('名单 list\n'), 'text text/plain'],
    ['an executable', bytes([0x4d, 0x5a, 0x90, 0x00]), null],
    ['binary with NULs', bytes([0x41, 0x00, 0x42]), null],
    ['nothing', bytes(), null],
  ])('%s is %s', (_, content, expected) => {
    const sniffed = sniffFile(content)
    expect(sniffed ? `${sniffed.kind} ${sniffed.mimeType}` : null).toBe(expected)
  })
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\li\\方案.pdf', '方案.pdf'],
    ['a<b>"c".pdf', 'abc.pdf'],
    ['..', 'file'],
    ['', 'file'],
  ])('safeFilename(%j) is %j', (input, expected) => expect(safeFilename(input)).toBe(expected))
})

const form: FormDefinition = {
  id: 1,
  name: 'Brief',
  fields: [
    { name: 'brief', type: 'file', label: 'Brief', required: true, maxSizeMB: 1, accept: ['pdf'] },
    { name: 'campaign', type: 'hidden', label: 'Campaign', fillFrom: 'utm_campaign' },
    { name: 'channel', type: 'hidden', label: 'Channel', fillFrom: 'channel' },
    { name: 'note', type: 'text', label: 'Note' },
  ],
}
const pdf = (size: number) => ({ filename: 'brief.pdf', size, bytes: bytes('%PDF-1.4 ') })

describe('file fields', () => {
  it.each<[string, Record<string, unknown>, Record<string, string> | null]>([
    ['a PDF under the limit', { brief: pdf(1000) }, null],
    ['no file', {}, { brief: 'This field is required.' }],
    ['an empty file input', { brief: { filename: '', size: 0, bytes: bytes() } }, { brief: 'This field is required.' }],
    ['a file over the limit', { brief: pdf(1024 * 1024 + 1) }, { brief: 'The file must be 1 MB or smaller.' }],
    ['an image where only PDF is accepted', { brief: { filename: 'x.pdf', size: 4, bytes: bytes([0xff, 0xd8, 0xff, 0xe0]) } }, { brief: 'This type of file is not accepted.' }],
    ['text where a file belongs', { brief: 'not a file' }, { brief: 'This value has the wrong type.' }],
    ['a file where text belongs', { brief: pdf(10), note: pdf(10) }, { note: 'This value has the wrong type.' }],
  ])('%s', (_, input, errors) => {
    const result = validateSubmission(form, input, 'en')
    if (errors) expect(result).toEqual({ ok: false, errors })
    else expect(result).toMatchObject({ ok: true, values: {}, files: [{ field: 'brief', filename: 'brief.pdf', mimeType: 'application/pdf', size: 1000 }] })
  })
})

describe('fillHiddenFields', () => {
  it('fills from the page URL and the touch, ignoring what the browser sent', () => {
    const filled = fillHiddenFields(form, { campaign: 'forged', channel: 'forged', note: 'hi' }, 'https://brand.example/join?utm_campaign=spring-launch', { channel: 'wechat' })
    expect({ ...filled }).toEqual({ campaign: 'spring-launch', channel: 'wechat', note: 'hi' })
  })
  it('leaves a hidden field empty when its source is absent or the URL unreadable', () => {
    expect({ ...fillHiddenFields(form, { campaign: 'forged' }, 'not a url', null) }).toEqual({})
  })
})
