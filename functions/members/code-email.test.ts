import { describe, expect, it } from 'vitest'

import { renderCodeEmail } from './code-email'

describe('renderCodeEmail', () => {
  it('puts the code in the text and the HTML, never in a link, in the member’s language', () => {
    const mail = renderCodeEmail({
      purpose: 'sign-in',
      code: '048213',
      brand: 'Acme',
      locale: 'en',
      pageUrl: 'https://brand.example/en/account/sign-in/code',
    })
    expect(mail.subject).toBe('Your Acme sign-in code')
    expect(mail.text).toContain('    048213')
    expect(mail.html).toContain('>048213</p>')
    expect(mail.html).not.toMatch(/href="[^"]*048213/)
    expect(
      renderCodeEmail({
        purpose: 'verify-email',
        code: '1',
        brand: '品牌',
        locale: 'zh-CN',
      }).subject,
    ).toBe('验证您在 品牌 的邮箱')
  })

  it('escapes the brand and keeps the subject on one line', () => {
    const mail = renderCodeEmail({
      purpose: 'reset-password',
      code: '000001',
      brand: 'A<b>\r\nBcc: x',
      locale: 'en',
      pageUrl: 'https://x.example/?a="b"',
    })
    expect(mail.subject).toBe('Your A<b> Bcc: x password reset code')
    expect(mail.html).toContain('href="https://x.example/?a=&quot;b&quot;"')
  })
})
