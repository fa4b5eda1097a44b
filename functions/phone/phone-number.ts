/** A mobile number as the sign-in knows it: E.164 (`+8613800138000`), its country code and its national part. */
export interface PhoneNumber {
  e164: string
  countryCode: string
  national: string
}

export type PhoneRefusal = 'invalid' | 'country-not-allowed'

/** Mainland China only, unless the admin allows more (SMS_ALLOWED_COUNTRY_CODES): texts abroad cost more and are pumped more. */
export const DEFAULT_COUNTRY_CODES: readonly string[] = ['86']

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (no 10x/11x/12x ranges exist for mobiles). */
const MAINLAND_MOBILE = /^1[3-9][0-9]{9}$/

/** Country codes with the length of their national numbers we accept; anything else must fit E.164 (at most 15 digits). */
const COUNTRY_CODES = [
  '1',
  '7',
  '20',
  '27',
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '81',
  '82',
  '84',
  '86',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '98',
  '852',
  '853',
  '886',
]

/**
 * Parses the allow-list of country codes from its env form ("86,852"); the default when empty or unreadable.
 * @example allowedCountryCodes('86, +852') // ['86', '852']
 */
export function allowedCountryCodes(value: string | undefined): string[] {
  const codes = (value ?? '')
    .split(',')
    .map((c) => c.trim().replace(/^\+/, ''))
    .filter((c) => /^[0-9]{1,3}$/.test(c))
  return codes.length ? codes : [...DEFAULT_COUNTRY_CODES]
}

/**
 * A typed mobile number in E.164, or why not. A number without a country code is a mainland one
 * (the keyboard default of the brand's visitors); `0086`/`86` prefixes, spaces, dashes and
 * full-width digits are folded. Only the allowed country codes pass.
 * @example parsePhone('138 0013 8000', ['86']) // { ok: true, phone: { e164: '+8613800138000', countryCode: '86',
 *   national: '13800138000' } }
 */
export function parsePhone(
  input: unknown,
  allowed: readonly string[] = DEFAULT_COUNTRY_CODES,
): { ok: true; phone: PhoneNumber } | { ok: false; reason: PhoneRefusal } {
  if (typeof input !== 'string' || input.length > 40) return { ok: false, reason: 'invalid' }
  const text = input.normalize('NFKC').trim()
  if (!/^(\+|00)?[0-9 ()-]+$/.test(text)) return { ok: false, reason: 'invalid' }
  const international = text.startsWith('+') || text.startsWith('00')
  const all = text.replace(/[^0-9]/g, '')
  const digits = text.startsWith('00') ? all.slice(2) : all
  let countryCode: string
  let national: string
  if (!international && MAINLAND_MOBILE.test(digits)) {
    countryCode = '86'
    national = digits
  } else if (!international && /^861[3-9][0-9]{9}$/.test(digits)) {
    countryCode = '86'
    national = digits.slice(2)
  } else if (international) {
    const code = [3, 2, 1].map((n) => digits.slice(0, n)).find((c) => COUNTRY_CODES.includes(c))
    if (!code) return { ok: false, reason: 'invalid' }
    countryCode = code
    national = digits.slice(code.length)
  } else {
    return { ok: false, reason: 'invalid' }
  }
  if (
    countryCode === '86'
      ? !MAINLAND_MOBILE.test(national)
      : !/^[1-9][0-9]{5,13}$/.test(national) || countryCode.length + national.length > 15
  )
    return { ok: false, reason: 'invalid' }
  if (!allowed.includes(countryCode)) return { ok: false, reason: 'country-not-allowed' }
  return { ok: true, phone: { e164: `+${countryCode}${national}`, countryCode, national } }
}

/**
 * The block of numbers a number belongs to (all but its last four digits): SMS pumping walks
 * through consecutive numbers of one range, so a range has a limit of its own.
 * @example numberPrefix({ e164: '+8613800138000', countryCode: '86', national: '13800138000' }) // '+861380013'
 */
export function numberPrefix(phone: PhoneNumber): string {
  return phone.e164.slice(0, -4)
}

/**
 * A number as shown back to its owner or an admin, middle digits hidden.
 * @example maskPhone('+8613800138000') // '+86 138****8000'
 */
export function maskPhone(e164: string): string {
  const match = /^\+(86)(1[0-9]{2})[0-9]{4}([0-9]{4})$/.exec(e164)
  if (match) return `+${match[1]} ${match[2]}****${match[3]}`
  return `${e164.slice(0, -6)}****${e164.slice(-2)}`
}
