import { describe, expect, it } from 'vitest'

import { requestStatus, requestStatusLabel } from './request-status'

describe('requestStatus', () => {
  it.each([
    ['new', 'received'],
    ['contacted', 'in-progress'],
    ['qualified', 'in-progress'],
    ['won', 'closed'],
    ['lost', 'closed'],
    [null, 'received'],
    ['__proto__', 'received'],
    ['toString', 'received'],
  ])('%j → %j', (lead, status) => {
    expect(requestStatus(lead)).toBe(status)
  })
  it('says it in the member’s language', () => {
    expect(requestStatusLabel('in-progress', 'zh-CN')).toBe('处理中')
    expect(requestStatusLabel('closed', 'en')).toBe('Closed')
  })
})
