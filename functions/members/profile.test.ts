import { describe, expect, it } from 'vitest'

import { cleanProfileText, validateProfile } from './profile'

const interests = ['ai', 'retail', 'events']
const check = (input: unknown, locale: 'en' | 'zh-CN' = 'en') => validateProfile(input, { interests, locale })

describe('validateProfile', () => {
  it('cleans and keeps every field', () => {
    expect(
      check({
        name: ' 李雷 ',
        company: 'Acme\u0000 Ltd',
        jobTitle: 'CTO\n',
        phone: '138 0013 8000',
        preferredLanguage: 'zh-CN',
        interests: ['events', 'ai', 'ai'],
      }),
    ).toEqual({
      ok: true,
      values: {
        name: '李雷',
        company: 'Acme Ltd',
        jobTitle: 'CTO',
        phone: '+8613800138000',
        preferredLanguage: 'zh-CN',
        interests: ['ai', 'events'],
      },
    })
  })

  it('keeps markup as text, for the renderer to escape', () => {
    expect(check({ name: '<script>alert(1)</script>', company: '"><img src=x onerror=alert(1)>' })).toEqual({
      ok: true,
      values: { name: '<script>alert(1)</script>', company: '"><img src=x onerror=alert(1)>' },
    })
  })

  it('saves only the fields sent, and clears with empty values', () => {
    expect(check({ name: 'Li' })).toEqual({ ok: true, values: { name: 'Li' } })
    expect(check({ name: '   ', company: null, phone: '', preferredLanguage: '', interests: '' })).toEqual({
      ok: true,
      values: { name: null, company: null, phone: null, preferredLanguage: null, interests: [] },
    })
    expect(check({})).toEqual({ ok: true, values: {} })
  })

  it('reads one ticked box from a form as a list', () => {
    expect(check({ interests: 'retail' })).toEqual({ ok: true, values: { interests: ['retail'] } })
  })

  it('drops unknown keys and never pollutes prototypes', () => {
    const input = JSON.parse(
      '{"name":"Li","email":"new@example.com","role":"admin","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    )
    const result = check(input)
    expect(result).toEqual({ ok: true, values: { name: 'Li' } })
    expect(result.ok && Object.getPrototypeOf(result.values)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('counts characters, not UTF-16 units', () => {
    expect(check({ name: '🐼'.repeat(100) })).toEqual({ ok: true, values: { name: '🐼'.repeat(100) } })
    expect(check({ name: '🐼'.repeat(101) })).toEqual({ ok: false, malformed: false, errors: { name: 'Use at most 100 characters.' } })
  })

  it.each<[string, unknown, Record<string, string>]>([
    ['a 101-character name', { name: 'x'.repeat(101) }, { name: 'Use at most 100 characters.' }],
    ['a 10 KB company', { company: 'x'.repeat(10_240) }, { company: 'Use at most 200 characters.' }],
    ['a 1 MB job title', { jobTitle: '职'.repeat(1_000_000) }, { jobTitle: 'Use at most 100 characters.' }],
    ['a name as a number', { name: 42 }, { name: 'This value has the wrong type.' }],
    ['a name as an object', { name: { $ne: '' } }, { name: 'This value has the wrong type.' }],
    ['a name as a list', { name: ['a', 'b'] }, { name: 'This value has the wrong type.' }],
    ['a phone in words', { phone: 'call me' }, { phone: 'Enter a valid phone number.' }],
    ['a phone too short', { phone: '12345' }, { phone: 'Enter a valid phone number.' }],
    ['a 40-character phone', { phone: '1'.repeat(40) }, { phone: 'Use at most 32 characters.' }],
    ['an unknown language', { preferredLanguage: 'fr' }, { preferredLanguage: 'Choose 简体中文 or English.' }],
    ['a language in other case', { preferredLanguage: 'ZH-cn' }, { preferredLanguage: 'Choose 简体中文 or English.' }],
    ['a language as a list', { preferredLanguage: ['en'] }, { preferredLanguage: 'Choose 简体中文 or English.' }],
    ['an unknown interest', { interests: ['ai', 'crypto'] }, { interests: 'Choose interests from the list.' }],
    ['a __proto__ interest', { interests: ['__proto__'] }, { interests: 'Choose interests from the list.' }],
    ['interests as numbers', { interests: [1, 2] }, { interests: 'This value has the wrong type.' }],
    ['interests as an object', { interests: { ai: true } }, { interests: 'This value has the wrong type.' }],
    ['201 interests', { interests: Array(201).fill('ai') }, { interests: 'This value has the wrong type.' }],
    [
      'several at once',
      { name: 1, phone: 'x', interests: ['x'] },
      { name: 'This value has the wrong type.', phone: 'Enter a valid phone number.', interests: 'Choose interests from the list.' },
    ],
  ])('refuses %s', (_, input, errors) => {
    expect(check(input)).toEqual({ ok: false, malformed: false, errors })
  })

  it.each([
    ['a 101-character name', { name: 'x'.repeat(101) }, { name: '最多 100 个字符。' }],
    ['a name as a number', { name: 42 }, { name: '这个值的类型不正确。' }],
    ['a phone in words', { phone: 'call me' }, { phone: '请输入有效的电话号码。' }],
    ['an unknown language', { preferredLanguage: 'fr' }, { preferredLanguage: '请选择简体中文或 English。' }],
    ['an unknown interest', { interests: ['crypto'] }, { interests: '请从列表中选择兴趣。' }],
  ])('says in Chinese why it refuses %s', (_, input, errors) => {
    expect(check(input, 'zh-CN')).toEqual({ ok: false, malformed: false, errors })
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'name=Li'],
    ['a list', [{ name: 'Li' }]],
    ['a number', 42],
  ])('calls %s malformed', (_, input) => {
    expect(check(input)).toEqual({ ok: false, malformed: true })
  })
})

describe('cleanProfileText', () => {
  it.each<[string, string | null]>([
    ['  Acme\u0000 <b>Inc</b> ', 'Acme <b>Inc</b>'],
    ['a\tb\r\nc', 'abc'],
    ['evil\u202eexe.txt', 'evilexe.txt'],
    ['\u0085\u009f', null],
    ['Cafe\u0301', 'Café'],
    ['👩‍💻 engineer', '👩‍💻 engineer'],
  ])('cleans %j to %j', (value, expected) => {
    expect(cleanProfileText(value)).toBe(expected)
  })
})
