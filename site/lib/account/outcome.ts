import {
  accountError,
  type AccountErrorCode,
  type AccountErrorOptions,
  type AccountErrorResponse,
} from '../../../functions/members/account-errors'
import type { Locale } from '../../../functions/members/locale'
import type { Notice } from './messages'
import type { Fields } from './request'
import type { SignedIn } from './session'

/** What an account action asks the page to do next. */
export type Outcome =
  /** Done: a form goes on to `location` (303); a script gets `json` with `status`. */
  | { kind: 'done'; location: string; status?: number; cookies?: string[]; json?: Record<string, unknown> }
  /** Done, and the next step is a form on this same screen (a code was sent): shown with `keep` filled in. */
  | { kind: 'next'; notice: Notice; step: string; keep: Record<string, string>; json?: Record<string, unknown> }
  | { kind: 'refused'; error: AccountErrorResponse; step?: string; keep?: Record<string, string> }
  | { kind: 'download'; body: string; filename: string }

/** Everything an action may use. */
export interface ActionContext {
  request: Request
  clientAddress: string
  /** The address's throttle key (a keyed hash). */
  address: string
  locale: Locale
  fields: Fields
  signed: SignedIn | null
  /** The content stamp this request reads from (site settings are cached per stamp). */
  stamp: string | null
  /** The path of an account screen in this locale: href('/account/profile') → '/en/account/profile'. */
  href: (path: string) => string
}

export type Action = (ctx: ActionContext) => Promise<Outcome>

/** A refusal from the members error table. */
export function refuse(
  code: AccountErrorCode,
  locale: Locale,
  options: AccountErrorOptions = {},
  keep?: Record<string, string>,
  step?: string,
): Outcome {
  return { kind: 'refused', error: accountError(code, locale, options), keep, step }
}

/** A 422 with one message per field. */
export function invalid(locale: Locale, fields: Record<string, string>, keep?: Record<string, string>, step?: string): Outcome {
  return refuse('invalid-fields', locale, { fields }, keep, step)
}

/** An action that needs a signed-in member answers 401 without one. */
export function needsMember(action: (ctx: ActionContext & { signed: SignedIn }) => Promise<Outcome>): Action {
  return (ctx) => (ctx.signed ? action(ctx as ActionContext & { signed: SignedIn }) : Promise.resolve(refuse('signed-out', ctx.locale)))
}
