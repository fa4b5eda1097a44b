// What each account screen shows, read for the signed-in member only.
import { payloadSecret, siteUrl } from '../../../cms/environment'
import { isConfirmed } from '../../../functions/members/confirmed'
import { currentConsents, NEWSLETTER, verifyUnsubscribeToken } from '../../../functions/members/consent-log'
import type { Locale } from '../../../functions/members/locale'
import { summarizeLedger } from '../../../functions/members/points'
import { formatReferralCode, referralPath } from '../../../functions/members/referral-code'
import { requestStatus, requestStatusLabel } from '../../../functions/members/request-status'
import type { Screen, ScreenData, SignedIn } from '../../../functions/members/screen-model'
import { membersStore } from '../stores'
import { wechatLoginAvailable } from './wechat-config'

/** The data a screen needs beyond the member; nothing for the forms that need none. */
export async function loadScreen(screen: Screen, signed: SignedIn | null, locale: Locale, url: URL): Promise<ScreenData> {
  const store = await membersStore()
  const member = signed?.member
  switch (screen) {
    case 'sign-in':
    case 'sign-in/phone':
    case 'sign-in/code':
      return { wechat: wechatLoginAvailable() }
    case 'profile': {
      return { topics: await store.topics(locale) }
    }
    case 'requests': {
      // A lead reaches a member only once they are confirmed (see leadsOf in cms/members/store.ts).
      if (!member || !isConfirmed(member) || member.lead === null) return { requests: [] }
      const status = requestStatusLabel(requestStatus(await store.leadStatus(member.lead)), locale)
      const submissions = await store.submissionsOfLead(member.lead, locale)
      return {
        requests: submissions.map((s) => ({
          id: s.id,
          form: (s.form as { name?: string } | null)?.name ?? '',
          at: s.createdAt,
          status,
          values: Object.entries((s.values as Record<string, unknown>) ?? {})
            .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            .slice(0, 20),
        })),
      }
    }
    case 'subscriptions': {
      if (!member) return {}
      const log = await store.consentsOf(member.id)
      const current = currentConsents(log)
      const topics = await store.topics(locale)
      return {
        topics,
        newsletter: current.get(NEWSLETTER)?.subscribed ?? false,
        subscribed: topics.filter((t) => current.get(t.slug)?.subscribed).map((t) => t.slug),
        log: [...log].reverse().slice(0, 50),
      }
    }
    case 'membership': {
      if (!member) return {}
      const [ledger, tiers, rewards, referred] = await Promise.all([
        store.ledgerOf(member.id),
        store.tiers(locale),
        store.rewards(locale),
        store.referredCount(member.id),
      ])
      const summary = summarizeLedger(ledger, tiers)
      const link = member.referralCode ? `${siteUrl}${referralPath(member.referralCode)}` : null
      return {
        summary,
        ledger: [...ledger].reverse(),
        rewards,
        tiers,
        referralLink: link,
        referralCode: member.referralCode ? formatReferralCode(member.referralCode) : null,
        referred,
      }
    }
    case 'sessions': {
      if (!member || !signed) return {}
      return {
        sessions: (await store.sessionsOf(member.id, new Date())).map((s) => ({
          ...s,
          current: String(s.id) === String(signed.session.id),
        })),
      }
    }
    case 'unsubscribe': {
      const grant = verifyUnsubscribeToken(url.searchParams.get('token'), payloadSecret())
      if (!grant) return { valid: false }
      const topic = grant.topic === NEWSLETTER ? null : (await store.topics(locale)).find((t) => t.slug === grant.topic)
      return { valid: true, token: url.searchParams.get('token'), topic: topic?.name ?? null }
    }
    default:
      return {}
  }
}

export type { ScreenData }
