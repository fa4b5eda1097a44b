import { describe, expect, it } from 'vitest'

import { escapeXml } from './xml'
import { parseXml } from './xml-tree.test-helper'

describe('escapeXml', () => {
  it.each([
    ['R&D <b>"quoted"</b> it\'s', 'R&amp;D &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; it&apos;s'],
    ['品牌价值', '品牌价值'],
    ['a\u0000b\u0008c\u000Bd\u001Fe', 'abcde'],
    ['tab\tnew\nline\r', 'tab\tnew\nline\r'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
    ['&amp; already', '&amp;amp; already'],
    ['\uFFFE\uFFFF', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected)
  })

  it('makes any string safe inside an element and an attribute of a strict parse', () => {
    const hostile = '</t><t a="x">&nbsp;\u0001]]><!--'
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<t a="${escapeXml(hostile)}">${escapeXml(hostile)}</t>`)
    expect(root.text).toBe('</t><t a="x">&nbsp;]]><!--')
    expect(root.attributes.a?.value).toBe('</t><t a="x">&nbsp;]]><!--')
  })
})
