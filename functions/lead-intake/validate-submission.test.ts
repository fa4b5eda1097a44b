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
    { name: 'size', type: 'select', label: 'Size', options: [{ value: 's', label: 'S' }, { value: 'm', label: 'M' }] },
    { name: 'topics', type: 'checkbox', label: 'Topics', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
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
    const input = JSON.parse('{"name":" Li\\u0000 ","email":"a@b.co","phone":"138 0013 8000","age":"30","day":"2026-02-28","size":"m","topics":["a","b","a"],"code":"ABC","broken":"anything","note":"line 1\\nline 2\\u0007","ok":"on","extra":"x","__proto__":{"polluted":true}}')
    const result = validateSubmission(form, input, 'en')
    expect(result).toEqual({
      ok: true,
      values: { name: 'Li', email: 'a@b.co', phone: '138 0013 8000', age: 30, day: '2026-02-28', size: 'm', topics: ['a', 'b'], code: 'ABC', broken: 'anything', note: 'line 1\nline 2', ok: true },
      consents: [{ field: 'ok', text: 'I agree.' }],
      files: [],
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
