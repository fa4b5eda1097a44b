/** The deliveries of a submission, in the words the lead's log uses. */
export type DeliveryKind = 'sales email' | 'autoresponder' | 'webhook' | 'download'

/** The longest text a lead's delivery problem may hold: it is a list column in the admin. */
export const MAX_PROBLEM_LENGTH = 300

/**
 * The one-line problem an admin sees on a lead when a delivery gave up after its last attempt.
 * @example describeDeliveryProblem({ kind: 'sales email', to: 'x@y.co', attempts: 5, reason: 'timeout' })
 *   // 'sales email to x@y.co failed after 5 attempts: timeout'
 */
export function describeDeliveryProblem({
  kind,
  to,
  attempts,
  reason,
}: {
  kind: DeliveryKind
  to: string
  attempts: number
  reason: string
}): string {
  const line = `${kind} to ${to} failed after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}: ${reason}`.replace(/\s+/g, ' ').trim()
  return line.length <= MAX_PROBLEM_LENGTH ? line : `${line.slice(0, MAX_PROBLEM_LENGTH - 1)}…`
}

/** Whether a lead's problem is about this kind of delivery, so that a later success of that kind clears it. */
export function isProblemOf(problem: string | null | undefined, kind: DeliveryKind): boolean {
  return typeof problem === 'string' && problem.startsWith(`${kind} to `)
}
