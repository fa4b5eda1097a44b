// The stores the site writes through, each wired once per process to this database (cms/ holds
// their implementations, functions/ their contracts), and the jobs it queues for the worker.
import { touchStoreFor } from '../../cms/attribution'
import { intakeStoreFor } from '../../cms/intake'
import { addRefusalCounts as storeRefusalCounts, type RefusalCount } from '../../cms/intake/counters'
import type { MemberCodeInput } from '../../cms/jobs/sendMemberCode'
import type { PhoneCodeInput } from '../../cms/jobs/sendPhoneCode'
import { identityStore } from '../../cms/members/identity-store'
import { membersStore as membersStoreFor } from '../../cms/members/store'
import { throttleStoreFor } from '../../cms/members/throttle-store'
import { insertActivity, linkVisitorActivity } from '../../cms/nurture'
import type { TouchStore } from '../../functions/attribution/touch-recorder'
import type { IntakeStore } from '../../functions/lead-intake/intake'
import type { IdentityStore } from '../../functions/members/identities'
import type { MembersStore } from '../../functions/members/store'
import type { ThrottleStore } from '../../functions/members/throttle'
import type { NewActivity } from '../../functions/nurture/activity'
import { cms } from './cms'

/** Lead intake's storage on this database (cms/intake): the site writes leads and submissions as itself. */
export async function intakeStore(): Promise<IntakeStore> {
  store ??= cms().then(intakeStoreFor)
  return store
}
let store: Promise<IntakeStore> | null = null

/** Adds tallies of refused submissions to the stored counters. */
export async function addRefusalCounts(counts: RefusalCount[]): Promise<void> {
  await storeRefusalCounts(await cms(), counts)
}

let touches: Promise<TouchStore> | null = null

/** Where this site stores touches and clicks (cms/attribution). */
export function touchStore(): Promise<TouchStore> {
  touches ??= cms().then(touchStoreFor)
  return touches
}

let members: Promise<MembersStore> | null = null

/** The members wiring's storage (cms/members/store.ts): accounts, sessions, codes, points, consents. */
export function membersStore(): Promise<MembersStore> {
  members ??= cms().then(membersStoreFor)
  return members
}

/** Queues a Payload job (the code emails); the worker runs it with retries. */
export async function queueJob(task: 'sendMemberCode', input: MemberCodeInput): Promise<void> {
  const payload = await cms()
  await payload.jobs.queue({ task, input, queue: 'default' })
}

/** Queues the job that issues a phone sign-in code and texts it. */
export async function queuePhoneCode(input: PhoneCodeInput): Promise<void> {
  const payload = await cms()
  await payload.jobs.queue({ task: 'sendPhoneCode', input, queue: 'default' })
}

/** Who owns which phone number or WeChat account (member-identities). */
export async function identities(): Promise<IdentityStore> {
  return identityStore(await cms())
}

let throttles: Promise<ThrottleStore> | null = null

/** The brute-force counters every site process on this database shares (cms/members/throttle-store.ts). */
export function throttleStore(): Promise<ThrottleStore> {
  throttles ??= cms().then(throttleStoreFor)
  return throttles
}

/** Follows a broadcast's tracked link (cms/broadcasts/follow.ts): where to go, or null for a bad token. */
export async function followBroadcastLink(token: string, visitor: string | null): Promise<string | null> {
  const [{ followLink }, { payloadSecret }] = await Promise.all([import('../../cms/broadcasts/follow'), import('../../cms/environment')])
  return followLink(await cms(), token, payloadSecret(), new Date(), visitor)
}

/** A broadcast's one-click unsubscribe (cms/broadcasts/follow.ts): the topic left, or null for a bad token. */
export async function leaveBroadcast(token: string): Promise<{ topic: string } | null> {
  const [{ leaveByToken }, { payloadSecret }] = await Promise.all([import('../../cms/broadcasts/follow'), import('../../cms/environment')])
  return leaveByToken(await cms(), token, payloadSecret(), new Date())
}

/** Writes activity rows of known people (page views in batches, submissions, downloads). */
export async function insertActivityRows(rows: NewActivity[]): Promise<void> {
  if (rows.length) await insertActivity(await cms(), rows)
}

/** A browser's activity that belongs to nobody yet becomes this lead's. */
export async function linkActivityToLead(visitor: string, lead: string | number): Promise<void> {
  await linkVisitorActivity(await cms(), visitor, lead)
}
