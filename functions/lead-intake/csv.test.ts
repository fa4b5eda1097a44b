import { expect, it } from 'vitest'

import { toCsv } from './csv'

it.each<[string, unknown, string]>([
  ['plain text', 'Li', 'Li'],
  ['a comma', 'a,b', '"a,b"'],
  ['quotes', 'say "hi"', '"say ""hi"""'],
  ['a newline', 'a\nb', '"a\nb"'],
  ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
  ['a minus', '-1+1', "'-1+1"],
  ['Chinese', '私域', '私域'],
  ['null', null, ''],
  ['an object', { a: 1 }, '"{""a"":1}"'],
])('writes %s', (_, value, expected) => {
  expect(toCsv([{ v: value }], [{ key: 'v', header: 'V' }])).toBe(`\uFEFFV\r\n${expected}\r\n`)
})
