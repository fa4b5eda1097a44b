import { describe, expect, it } from 'vitest'

import { emailTheme, frameEmail } from './email-frame'

const parts = {
  brandColor: '#0a7d5a',
  brandName: '朱砂 & Co',
  lang: 'zh-CN',
  preheader: '春季 <新品>',
  body: '<p>正文</p>',
  footer: '退订 <a href="https://brand.example/unsubscribe?token=t">退订</a><br>上海市',
}

describe('frameEmail', () => {
  it('frames the email in the classic look: the brand name on a bar of the brand colour', () => {
    const html = frameEmail({ ...parts, theme: 'classic' })
    expect(html).toContain('<meta name="x-email-theme" content="classic">')
    expect(html).toContain('<td style="background:#0a7d5a;color:#ffffff;')
    expect(html).toContain('>朱砂 &amp; Co</td>')
    expect(html).toContain('<html lang="zh-CN">')
  })

  it('frames the email in the editorial look: a serif masthead over a rule, in the theme’s paper colour', () => {
    const html = frameEmail({ ...parts, theme: 'editorial' })
    expect(html).toContain('<meta name="x-email-theme" content="editorial">')
    expect(html).toMatch(/font:700 26px Georgia[^"]*;color:#1d1a16;border-bottom:2px solid #1d1a16">朱砂 &amp; Co<\/td>/)
    expect(html).toContain('background:#f6f1ea')
    expect(html).not.toContain('background:#0a7d5a')
  })

  it('keeps the body and the footer as given, and the preheader escaped and hidden', () => {
    const html = frameEmail({ ...parts, theme: 'classic' })
    expect(html).toContain('<p>正文</p>')
    expect(html).toContain(parts.footer)
    expect(html).toContain('<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">春季 &lt;新品&gt;</div>')
    expect(frameEmail({ ...parts, preheader: null, theme: 'classic' })).not.toContain('display:none')
  })

  it('writes no colour that is not a hex colour, and uses the default theme for an unknown one', () => {
    const html = frameEmail({ ...parts, theme: 'neon', brandColor: 'red;background:url(x)' })
    expect(html).toContain('content="classic"')
    expect(html).not.toContain('url(x)')
    expect(html).toContain('background:#c8102e')
    expect(emailTheme(undefined)).toBe('classic')
    expect(emailTheme('editorial')).toBe('editorial')
  })
})
