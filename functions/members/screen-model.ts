// What an account screen receives to render: the contract between the site's account handling
// (site/lib/account/) and the themes' account markup (themes/shared/account/).
import type { Locale } from './locale'
import type { StoredMember, StoredSession } from './store'

/** Every account screen, named by its path below /account. */
export type Screen =
  | 'overview'
  | 'sign-up'
  | 'sign-in'
  | 'sign-in/code'
  | 'sign-in/phone'
  | 'verify'
  | 'forgot'
  | 'reset'
  | 'sign-out'
  | 'profile'
  | 'password'
  | 'email'
  | 'requests'
  | 'subscriptions'
  | 'membership'
  | 'sessions'
  | 'data'
  | 'unsubscribe'

/** The member signed in on a request, with the session that proved it. */
export interface SignedIn {
  member: StoredMember
  session: StoredSession
}

/** The data a screen needs beyond the member, as read for that member only. */
export type ScreenData = Record<string, unknown>

/** A screen to render. */
export interface ScreenModel {
  screen: Screen
  status: number
  locale: Locale
  defaultLocale: string
  signed: SignedIn | null
  notice: string | null
  error: { message: string; fields: Record<string, string> } | null
  values: Record<string, string>
  step: string | null
  data: ScreenData
  href: (path: string) => string
}
