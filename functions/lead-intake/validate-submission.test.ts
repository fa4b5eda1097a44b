import { describe, expect, it } from 'vitest'

import type { FormDefinition } from './form-definition'
import { validateSubmission } from './validate-submission'

const form: FormDefinition = {
  id: 1,
  name: 'Test',
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 10 },
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'phone', type: 'phone', label: 'Phone' },
    { name: 'age', type: 'number', label: 'Age', min: 18, max: 99 },
    { name: 'day', type: 'date', label: 'Day' },
    {
      name: 'size',
      type: 'select',
      label: 'Size',
      options: [
        { value: 's', label: 'S' },
        { value: 'm', label: 'M' },
      ],
    },
    {
      name: 'topics',
      type: 'checkbox',
      label: 'Topics',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    },
    { name: 'code', type: 'text', label: 'Code', pattern: '[A-Z]{3}', patternMessage: 'Three capitals.' },
    { name: 'broken', type: 'text', label: 'Broken', pattern: '([' },
    { name: 'note', type: 'textarea', label: 'Note' },
    { name: 'ok', type: 'consent', label: 'OK', required: true, consentText: 'I agree.' },
  ],
}
const base = { name: 'Li', ok: 'on' }

describe('validateSubmission', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a missing required field', { ok: 'on' }, { name: 'This field is required.' }],
    ['whitespace only', { ...base, name: '   ' }, { name: 'This field is required.' }],
    ['too long', { ...base, name: 'x'.repeat(11) }, { name: 'Use at most 10 characters.' }],
    ['a 1 MB string', { ...base, note: 'x'.repeat(1_000_000) }, { note: 'Use at most 10000 characters.' }],
    ['a bad email', { ...base, email: 'a@b' }, { email: 'Enter a valid email address.' }],
    ['a bad phone', { ...base, phone: 'call me' }, { phone: 'Enter a valid phone number.' }],
    ['a number as text', { ...base, age: 'twenty' }, { age: 'Enter a number.' }],
    ['under the minimum', { ...base, age: '17' }, { age: 'Enter 18 or more.' }],
    ['an impossible date', { ...base, day: '2026-02-30' }, { day: 'Enter a valid date (YYYY-MM-DD).' }],
    ['an unknown option', { ...base, size: 'xl' }, { size: 'Choose one of the options.' }],
    ['an unknown checkbox', { ...base, topics: ['a', 'z'] }, { topics: 'Choose one of the options.' }],
    ['a pattern miss', { ...base, code: 'abc' }, { code: 'Three capitals.' }],
    ['no consent', { name: 'Li' }, { ok: 'Tick the box to agree.' }],
    ['an object', { ...base, name: { $gt: '' } }, { name: 'This value has the wrong type.' }],
    ['an array', { ...base, name: ['a', 'b'] }, { name: 'This value has the wrong type.' }],
  ])('refuses %s', (_, input, errors) => {
    expect(validateSubmission(form, input, 'en')).toEqual({ ok: false, errors })
  })

  it('speaks Chinese', () => {
    expect(validateSubmission(form, { ok: 'on' }, 'zh-CN')).toEqual({ ok: false, errors: { name: '此项为必填项。' } })
  })

  it('keeps what the definition allows, cleaned, and drops the rest', () => {
    const input = JSON.parse(
      '{"name":" Li\\u0000 ","email":"a@b.co","phone":"138 0013 8000","age":"30","day":"2026-02-28","size":"m","topics":["a","b",' +
        '"a"],"code":"ABC","broken":"anything","note":"line 1\\nline 2\\u0007","ok":"on","extra":"x","__proto__":{"polluted":true}}',
    )
    const result = validateSubmission(form, input, 'en')
    expect(result).toEqual({
      ok: true,
      values: {
        name: 'Li',
        email: 'a@b.co',
        phone: '138 0013 8000',
        age: 30,
        day: '2026-02-28',
        size: 'm',
        topics: ['a', 'b'],
        code: 'ABC',
        broken: 'anything',
        note: 'line 1\nline 2',
        ok: true,
      },
      consents: [{ field: 'ok', text: 'I agree.' }],
      files: [],
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

// A form with a file field, for the file rules.
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))
const briefForm: FormDefinition = {
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
    [
      'an image where only PDF is accepted',
      { brief: { filename: 'x.pdf', size: 4, bytes: bytes([0xff, 0xd8, 0xff, 0xe0]) } },
      { brief: 'This type of file is not accepted.' },
    ],
    ['text where a file belongs', { brief: 'not a file' }, { brief: 'This value has the wrong type.' }],
    ['a file where text belongs', { brief: pdf(10), note: pdf(10) }, { note: 'This value has the wrong type.' }],
  ])('%s', (_, input, errors) => {
    const result = validateSubmission(briefForm, input, 'en')
    if (errors) expect(result).toEqual({ ok: false, errors })
    else
      expect(result).toMatchObject({
        ok: true,
        values: {},
        files: [{ field: 'brief', filename: 'brief.pdf', mimeType: 'application/pdf', size: 1000 }],
      })
  })
})
