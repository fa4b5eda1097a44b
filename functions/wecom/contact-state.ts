/**
 * What a live code's `state` says (企业微信 allows 30 characters): the campaign link's code, and
 * the lead when the code was shown to a known person: `spring` or `spring.l42`.
 */
export interface ContactState {
  campaignLink: string
  lead: string | null
}

export const STATE_MAX_LENGTH = 30

/**
 * The state for a live code, or null when it would not fit in 30 characters.
 * @example contactState({ campaignLink: 'spring', lead: '42' }) // 'spring.l42'
 */
export function contactState({ campaignLink, lead }: ContactState): string | null {
  const state = lead ? `${campaignLink}.l${lead}` : campaignLink
  return state.length <= STATE_MAX_LENGTH && /^[A-Za-z0-9_-]+$/.test(campaignLink) ? state : null
}

/**
 * Reads a state back; null for anything this site did not write (a code made by hand in the 企业微信 console).
 * @example parseContactState('spring.l42') // { campaignLink: 'spring', lead: '42' }
 */
export function parseContactState(state: string | null | undefined): ContactState | null {
  const match = /^([A-Za-z0-9_-]{1,27})(?:\.l([0-9]{1,12}))?$/.exec(state ?? '')
  return match ? { campaignLink: match[1]!, lead: match[2] ?? null } : null
}
