import type { Id } from './records'
import type { StoredMember } from './store'

/** What an identity is: a confirmed phone number, a WeChat openid of one app, or a WeChat unionid. */
export type IdentityKind = 'phone' | 'wechat' | 'unionid'

/** The identity key of a confirmed phone number. */
export const phoneKey = (e164: string) => `phone:${e164}`

/** A member who signs up by phone or WeChat, before any email address is known. */
export interface NewMemberWithoutEmail {
  phone: string | null
  name: string | null
  preferredLanguage: string
  referralCode: string
  visitor: string | null
  firstTouch: unknown
  lastTouch: unknown
  referredBy: Id | null
}

/**
 * Who owns which phone number or WeChat account (the store contract; cms/members/identity-store.ts
 * keeps it in the member-identities collection). One key has at most one owner: a race between
 * two members is decided by the store, never by merging them.
 */
export interface IdentityStore {
  /** The member who owns `key`, or null. */
  ownerOf(key: string): Promise<Id | null>
  /** The keys a member owns, oldest first. */
  identitiesOf(member: Id): Promise<{ id: Id; key: string; kind: IdentityKind; verifiedAt: string }[]>
  /** Gives `key` to `member`: 'added' (or already theirs), 'taken' when another member owns it. */
  claim(key: string, kind: IdentityKind, member: Id, now: Date): Promise<'added' | 'taken'>
  /** Gives `key` back when it is `member`'s; another member's key is never touched. */
  release(key: string, member: Id): Promise<void>
  /** A member with no email yet (a placeholder address, see functions/phone/mailbox.ts) and no password. */
  createMemberWithoutEmail(data: NewMemberWithoutEmail): Promise<StoredMember>
  /** Deletes a member created a moment ago that lost the race for its number (it owns nothing yet). */
  dropFreshMember(id: Id): Promise<void>
}
