import { describe, expect, it } from 'vitest'

import { addressHash, autoresponderKey, salesEmailKey, unnamedEmailKey } from './idempotency-key'

describe('idempotency keys', () => {
  const addresses = ['ada@example.com', 'li.lei+brand@example.cn', '李雷@例子.中国', 'x"y@example.com']

  it.each(addresses)('carry no part of the address %s', (address) => {
    for (const key of [salesEmailKey(7, address), autoresponderKey(7, address), unnamedEmailKey([address], 'Reset', 0)]) {
      expect(key).not.toContain(address)
      expect(key).not.toContain(address.split('@')[0])
      expect(key).toMatch(/^[a-z-]+(\/\d+)?\/[0-9a-f]{24,40}$/)
    }
  })

  it('name what an email is: the same submission and address give the same key, any other gives another', () => {
    expect(autoresponderKey(7, ' Ada@Example.com ')).toBe(autoresponderKey(7, 'ada@example.com'))
    expect(autoresponderKey(7, 'ada@example.com')).toBe(`autoresponder/7/${addressHash('ada@example.com')}`)
    expect(salesEmailKey(7, 'sales@brand.example')).toBe(`lead-email/7/${addressHash('sales@brand.example')}`)
    expect(
      new Set([autoresponderKey(7, 'a@x.co'), autoresponderKey(8, 'a@x.co'), autoresponderKey(7, 'b@x.co'), salesEmailKey(7, 'a@x.co')])
        .size,
    ).toBe(4)
    expect(addressHash('ada@example.com')).toBe('b5fc85e55755f9e0d030a10a')
  })
})
