import { expect, it } from 'vitest'

import { parseCsv, toCsv } from './csv'

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

it.each<[string, string, string[][]]>([
  [
    'CRLF rows with a byte-order mark',
    '\uFEFFa,b\r\n1,2\r\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'LF rows and no final line break',
    'a,b\n1,2',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  ['quoted commas, quotes and line breaks', '"Li, Lei","say ""hi""","a\r\nb"\r\n', [['Li, Lei', 'say "hi"', 'a\r\nb']]],
  ['empty cells', ',,\r\n', [['', '', '']]],
  ['a quote left open, to the end', '"a,b\r\nc', [['a,b\r\nc']]],
  [
    'Chinese',
    '邮箱,姓名\r\nli@example.com,李雷\r\n',
    [
      ['邮箱', '姓名'],
      ['li@example.com', '李雷'],
    ],
  ],
])('reads %s', (_, text, rows) => {
  expect(parseCsv(text)).toEqual(rows)
})

it('reads back what it writes', () => {
  const rows = [{ email: 'li@example.com', name: 'Li, "Lei"\n私域' }]
  const columns = ['email', 'name'].map((key) => ({ key, header: key }))
  expect(parseCsv(toCsv(rows, columns))).toEqual([
    ['email', 'name'],
    ['li@example.com', 'Li, "Lei"\n私域'],
  ])
})
