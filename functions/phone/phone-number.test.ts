import { describe, expect, it } from 'vitest'

import { allowedCountryCodes, maskPhone, numberPrefix, parsePhone } from './phone-number'

describe('parsePhone', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['+86-13800138000', '+8613800138000'],
    ['008613800138000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['１３８００１３８０００', '+8613800138000'],
    ['19912345678', '+8619912345678'],
  ])('reads %j as %s', (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, phone: { e164, countryCode: '86', national: e164.slice(3) } })
  })

  it.each([
    [''],
    ['   '],
    ['12800138000'],
    ['10012345678'],
    ['1380013800'],
    ['138001380001'],
    ['+86 10 1234 5678'],
    ['+8612800138000'],
    ['13800138000x'],
    ['tel:13800138000'],
    ['+'],
    ['+999 1234567'],
    ['1'.repeat(41)],
    [null],
    [13800138000],
    [['13800138000']],
  ])('refuses %j as not a number', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses another country unless the admin allows it', () => {
    expect(parsePhone('+852 6123 4567')).toEqual({ ok: false, reason: 'country-not-allowed' })
    expect(parsePhone('+1 415 555 0100')).toEqual({ ok: false, reason: 'country-not-allowed' })
    expect(parsePhone('+852 6123 4567', ['86', '852'])).toEqual({
      ok: true,
      phone: { e164: '+85261234567', countryCode: '852', national: '61234567' },
    })
    // Allowing others does not let a mainland number in when +86 is not on the list.
    expect(parsePhone('13800138000', ['852'])).toEqual({ ok: false, reason: 'country-not-allowed' })
  })
})

describe('allowedCountryCodes', () => {
  it.each([
    [undefined, ['86']],
    ['', ['86']],
    ['86,852', ['86', '852']],
    [' +86 , 1 ', ['86', '1']],
    ['x,,', ['86']],
  ])('reads %j', (value, codes) => expect(allowedCountryCodes(value)).toEqual(codes))
})

describe('numberPrefix and maskPhone', () => {
  it('groups a number with its 9,999 neighbours and hides the middle of it', () => {
    const phone = { e164: '+8613800138000', countryCode: '86', national: '13800138000' }
    expect(numberPrefix(phone)).toBe('+861380013')
    expect(numberPrefix({ ...phone, e164: '+8613800139999' })).toBe('+861380013')
    expect(maskPhone('+8613800138000')).toBe('+86 138****8000')
    expect(maskPhone('+85261234567')).toBe('+85261****67')
  })
})
