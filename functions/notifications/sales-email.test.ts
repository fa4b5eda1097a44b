import { describe, expect, it } from 'vitest'

import { directTouch } from '../attribution/channels'
import { describeTouches } from '../attribution/describe-touch'
import { renderSalesEmail, type SalesEmailInput } from './sales-email'

const first = {
  ...directTouch('https://brand.example/spring', '2026-03-03T10:00:00Z'),
  channel: 'wechat' as const,
  source: 'wechat',
  medium: 'moments',
  campaign: 'spring-launch',
}
const last = {
  ...directTouch('https://brand.example/', '2026-03-05T10:00:00Z'),
  channel: 'search' as const,
  source: 'baidu',
  medium: 'organic',
}

const input = (locale: string): SalesEmailInput => ({
  formName: 'Contact',
  person: { name: 'Li <b>Lei</b>', email: 'li@example.com' },
  fields: [{ label: 'Message', value: '<script>alert(1)</script>' }],
  touch: last,
  journey: describeTouches(first, last, locale === 'en' ? 'en' : 'zh-CN'),
  score: 0,
  adminUrl: 'http://cms.example/admin/collections/leads/7',
  locale,
})

describe('renderSalesEmail', () => {
  it('says where the person came from, first and last, in words, in the recipient’s language', () => {
    const en = renderSalesEmail(input('en'))
    expect(en.text).toContain(
      '  Journey: First came from WeChat Moments via campaign spring-launch on 3 March 2026; last from Baidu search on 5 March 2026.',
    )
    expect(en.html).toContain('<th align="left" style="padding:4px 12px 4px 0">Journey</th>')
    const zh = renderSalesEmail(input('zh-CN'))
    expect(zh.text).toContain('  访问路径: ')
    expect(zh.text).toContain('微信朋友圈')
  })

  it('escapes every value in the HTML part and keeps Reply-To', () => {
    const email = renderSalesEmail(input('en'))
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(email.html).not.toContain('<script>')
    expect(email.subject).toBe('New lead: Contact – Li <b>Lei</b>')
    expect(email.replyTo).toBe('li@example.com')
  })
})
