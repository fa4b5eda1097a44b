// The account pages: which screens exist, which need a signed-in member, and what a POST to each does.
import type { Screen } from '../../../functions/members/screen-model'
import { forgotPassword, resetPassword, signInWithCode, signInWithPassword, signOut, signUp, verifyEmail } from './auth-actions'
import { deleteAccount, downloadData, unsubscribe } from './data-actions'
import { changeEmail, changePassword, redeemReward, revokeSessions, saveProfile, saveSubscriptions } from './member-actions'
import type { Action } from './outcome'
import { signInWithPhone } from './phone-actions'
import { finishWechatSignIn, startWechatSignIn } from './wechat-login'

interface Route {
  screen: Screen
  /** Shown only to a signed-in member; others are sent to sign in. */
  private: boolean
  post?: Action
  /** A GET that acts instead of showing the screen (WeChat's redirects); a refusal shows the screen with its message. */
  get?: Action
}

/** Every account path below /account (without the locale prefix), and what it is. */
export const ACCOUNT_ROUTES: Readonly<Record<string, Route>> = {
  '': { screen: 'overview', private: true },
  'sign-up': { screen: 'sign-up', private: false, post: signUp },
  'sign-in': { screen: 'sign-in', private: false, post: signInWithPassword },
  'sign-in/code': { screen: 'sign-in/code', private: false, post: signInWithCode },
  'sign-in/phone': { screen: 'sign-in/phone', private: false, post: signInWithPhone },
  wechat: { screen: 'sign-in', private: false, get: startWechatSignIn },
  'wechat/callback': { screen: 'sign-in', private: false, get: finishWechatSignIn },
  verify: { screen: 'verify', private: true, post: verifyEmail },
  forgot: { screen: 'forgot', private: false, post: forgotPassword },
  reset: { screen: 'reset', private: false, post: resetPassword },
  'sign-out': { screen: 'sign-out', private: false, post: signOut },
  profile: { screen: 'profile', private: true, post: saveProfile },
  password: { screen: 'password', private: true, post: changePassword },
  email: { screen: 'email', private: true, post: changeEmail },
  requests: { screen: 'requests', private: true },
  subscriptions: { screen: 'subscriptions', private: true, post: saveSubscriptions },
  membership: { screen: 'membership', private: true, post: redeemReward },
  sessions: { screen: 'sessions', private: true, post: revokeSessions },
  data: { screen: 'data', private: true },
  'data/export': { screen: 'data', private: true, post: downloadData },
  'data/delete': { screen: 'data', private: true, post: deleteAccount },
  unsubscribe: { screen: 'unsubscribe', private: false, post: unsubscribe },
}

/** The route for a path below /account, or null (the themed 404 answers). */
export function accountRoute(rest: string | undefined): Route | null {
  const key = (rest ?? '').replace(/^\/+|\/+$/g, '')
  return Object.hasOwn(ACCOUNT_ROUTES, key) ? ACCOUNT_ROUTES[key]! : null
}

export type { Screen }
