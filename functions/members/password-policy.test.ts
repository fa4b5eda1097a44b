import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { COMMON_PASSWORDS } from './common-passwords'
import { unexplainedLength, unfoldLeet } from './password-patterns'
import { checkPassword, PASSWORD_MAX_LENGTH, type PasswordRule } from './password-policy'

const codes = (password: unknown, context = {}) => checkPassword(password, context).errors.map((e) => e.code)

/** A long, patternless password made from a hash, so the test does not depend on Math.random. */
function noise(length: number): string {
  let text = ''
  for (let i = 0; text.length < length; i++)
    text += createHash('sha256')
      .update(String(i))
      .digest('base64')
      .replace(/[^A-Za-z0-9]/g, '')
  return text.slice(0, length)
}

describe('checkPassword', () => {
  it.each([
    'Xk9#mPq2vLr',
    'Tr0ub4dor&3x',
    'correct horse battery staple',
    '我的猫叫小花2019年生',
    'Kiwi19900101',
    'Zhang#Wei-8394x',
    noise(PASSWORD_MAX_LENGTH),
  ])('accepts %s', (password) => {
    expect(checkPassword(password)).toEqual({ ok: true, errors: [] })
  })

  it.each<[string, unknown, PasswordRule[]]>([
    ['an empty string', '', ['required']],
    ['null', null, ['required']],
    ['a number', 1234567890, ['required']],
    ['an object', { $ne: '' }, ['required']],
    ['an array', ['Xk9#mPq2vLr'], ['required']],
    ['nine characters', 'Xk9#mPq2v', ['too-short']],
    ['one character too many', noise(PASSWORD_MAX_LENGTH + 1), ['too-long']],
    ['10 KB', 'a'.repeat(10_240), ['too-long']],
    ['1 MB of emoji', '🐼'.repeat(500_000), ['too-long']],
    ['lowercase only', 'pqmzvtrkwjsn', ['one-class']],
    ['uppercase only', 'PQMZVTRKWJSN', ['one-class']],
    ['digits only', '8302749165', ['one-class']],
    ['Chinese only', '我们一起去看海吧好吗', ['one-class']],
    ['symbols only', '#%&*?~;#%&:=', ['one-class']],
    ['a common password with a year and a symbol', 'Password2024!', ['common']],
    ['l33t spelling', 'P@ssw0rd2024!', ['common']],
    ['a Chinese favourite', 'woaini1314520', ['common']],
    ['a common word behind digits', '2024iloveyou', ['common']],
    ['a reversed word', 'drowssap2024', ['common']],
    ['a keyboard row plus a digit', 'qwertyuiop1', ['common']],
    ['a keyboard zigzag in the list', '1qaz2wsx3edc', ['common']],
    ['a common word with symbols', 'Dragon!!!!!!', ['common']],
    ['one character repeated', 'Aaaaaaaaaa1', ['predictable']],
    ['the alphabet', 'Abcdefghijk1', ['predictable']],
    ['a repeated chunk', 'Abcabcabc123', ['predictable']],
    ['a keyboard zigzag with a shifted start', '!QAZ2wsx3edc', ['predictable']],
    ['a keyboard zigzag with symbols after', '1q2w3e4r5t6y!!', ['predictable']],
    ['two common words and a year', 'Tiger-Dragon-2024', ['predictable']],
    ['a short word and a date', 'Kiw19900101', ['predictable']],
    ['several rules at once', 'aaaaaaa', ['too-short', 'one-class', 'predictable']],
  ])('refuses %s', (_, password, expected) => {
    expect(codes(password)).toEqual(expected)
  })

  it.each<[string, string, PasswordRule[]]>(
    [
      ['the whole name', 'li.wei+shop@Example.com', 'LiWei!x9Kq2m'],
      ['the name as written', 'li.wei@example.com', 'x9K!li.wei#2m'],
      ['a long piece of the name', 'wei.zhang@example.com', 'Zhang#Wei-8394x'],
      ['a l33t-spelled piece', 'wei.zhang@example.com', 'Zh@ng#Wei-8394x'],
      ['an upper-case email', 'WEI.ZHANG@EXAMPLE.COM', 'zhang#Wei-8394x'],
    ].map(([label, email, password]) => [label!, `${email}|${password}`, ['contains-email']]),
  )('refuses %s of the email', (_, pair, expected) => {
    const [email, password] = pair.split('|') as [string, string]
    expect(codes(password, { email })).toEqual(expected)
  })

  it.each([
    ['a two-letter name', 'li@example.com', 'Li#x9Kq2mWv'],
    ['the domain', 'wei@example.com', 'example#x9Kq2m'],
    ['a missing email', null, 'Xk9#mPq2vLr'],
    ['a malformed email', 'no-at-sign', 'no-at-sign#x9K'],
    ['a 10 KB email', `${'x'.repeat(10_240)}@example.com`, 'Xk9#mPq2vLr'],
  ])('ignores %s', (_, email, password) => {
    expect(codes(password, { email })).toEqual([])
  })

  it.each([
    ['the name', 'AcmeCoffee!x92K'],
    ['the name with its space', 'acme coffee!x92K'],
    ['a l33t spelling', 'Acm3C0ffee!x92K'],
    ['the Chinese name', '我爱蓝山咖啡Kx9#2'],
  ])('refuses the brand: %s', (_, password) => {
    expect(codes(password, { brandNames: ['Acme Coffee', '蓝山咖啡'] })).toEqual(['contains-brand'])
  })

  it('refuses a two-character Chinese brand but not two Latin letters', () => {
    expect(codes('我爱华为Kx9#2mq', { brandNames: ['华为'] })).toEqual(['contains-brand'])
    expect(codes('Xk9#mPq2vLrai', { brandNames: ['AI'] })).toEqual([])
    expect(codes('Xk9#mPq2vLrabc', { brandNames: ['ABC'] })).toEqual(['contains-brand'])
  })

  it('ignores brand names that are not strings', () => {
    // Deliberately not all strings: settings read from the database unchecked.
    expect(codes('Xk9#mPq2vLr', { brandNames: [null, 42, ''] as unknown as string[] })).toEqual([])
  })

  it('explains each broken rule in English and Chinese', () => {
    const context = { email: 'acme.fan@example.com', brandNames: ['Acme'] }
    expect(checkPassword('acme', { ...context, locale: 'en' })).toEqual({
      ok: false,
      errors: [
        { code: 'too-short', message: 'Use at least 10 characters.' },
        { code: 'one-class', message: 'Mix at least two kinds of characters, such as letters and digits.' },
        { code: 'contains-email', message: 'Do not use your email address in your password.' },
        { code: 'contains-brand', message: "Do not use this site's brand name in your password." },
      ],
    })
    expect(checkPassword('Password2024!', { locale: 'zh-CN' }).errors).toEqual([
      { code: 'common', message: '这是最常见的密码之一，请换一个更难猜的密码。' },
    ])
    expect(checkPassword('', { locale: 'zh-CN' }).errors).toEqual([{ code: 'required', message: '请输入密码。' }])
    expect(checkPassword('x'.repeat(300), { locale: 'zh-CN' }).errors).toEqual([{ code: 'too-long', message: '密码最多 256 个字符。' }])
    expect(checkPassword('Aaaaaaaaaa1', { locale: 'zh-CN' }).errors).toEqual([
      { code: 'predictable', message: '该密码规律性太强（键盘连续键、重复或顺序字符、年份日期、常见单词），请换一个。' },
    ])
    expect(checkPassword('pqmzvtrkwjsn', { locale: 'zh-CN' }).errors).toEqual([
      { code: 'one-class', message: '请混合使用至少两类字符，例如字母和数字。' },
    ])
    expect(checkPassword('Xk9#mPq2', { locale: 'zh-CN' }).errors).toEqual([{ code: 'too-short', message: '密码至少需要 10 个字符。' }])
    expect(checkPassword('AcmeCoffee!x92K', { brandNames: ['Acme Coffee'], locale: 'zh-CN' }).errors).toEqual([
      { code: 'contains-brand', message: '密码中不能包含本站的品牌名称。' },
    ])
    expect(checkPassword('Zhang#Wei-8394x', { email: 'wei.zhang@example.com', locale: 'zh-CN' }).errors).toEqual([
      { code: 'contains-email', message: '密码中不能包含您的邮箱名。' },
    ])
  })

  it('is not fooled by prototype names', () => {
    expect(codes('__proto__')).toEqual(['too-short'])
    expect(codes('constructor1!', { email: '__proto__@example.com' })).toEqual([])
  })

  it('counts characters, not UTF-16 units', () => {
    // Nine pandas and a digit are ten characters (19 UTF-16 units).
    expect(codes('🐼🐻🐨🦊🐯🦁🐮🐷🐸1')).toEqual([])
    expect(codes('🐼🐻🐨🦊🐯🦁🐮🐸1')).toEqual(['too-short'])
  })

  // How fast it is belongs in `npm run bench`; here, that the longest allowed password is judged at all.
  it('judges a maximal password of random characters strong enough', () => {
    expect(checkPassword(noise(PASSWORD_MAX_LENGTH), { email: 'someone@example.com', brandNames: ['Acme'] })).toMatchObject({ ok: true })
  })
})

describe('the common-password list', () => {
  it('holds about 1,400 lowercase entries', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1400)
    for (const word of COMMON_PASSWORDS) expect(word).toBe(word.toLowerCase())
    for (const word of ['123456', 'password', 'qwerty', 'woaini1314', '5201314', 'iloveyou', '1qaz2wsx'])
      expect(COMMON_PASSWORDS.has(word)).toBe(true)
  })
})

describe('unexplainedLength', () => {
  it.each<[string, string[], number]>([
    ['xK9#mPq2vL', [], 10],
    ['Qwerty2024!!!', [], 0],
    ['abcabc', [], 0],
    ['1qaz', [], 0],
    ['!@#$', [], 0],
    ['9876', [], 0],
    ['19900101', [], 0],
    ['15061987', [], 0],
    ['p@ssw0rd', [], 0],
    ['zhangxK9', ['zhang'], 3],
    ['xyz', [], 3],
    ['a1b2', [], 4],
  ])('%s leaves %i', (password, extra, expected) => {
    expect(unexplainedLength(password, extra)).toBe(expected)
  })
})

describe('unfoldLeet', () => {
  it('reads 1 both as i and as l', () => {
    expect(unfoldLeet('p@$$w0rd1')).toEqual(['passwordi', 'passwordl'])
  })
})
