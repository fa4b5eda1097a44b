import type { Activity, Id } from './activity'

/** What starts a sequence for a person. */
export const SEQUENCE_TRIGGERS = ['form-submitted', 'member-signed-up', 'topic-subscribed', 'score-crossed', 'tag-added'] as const
export type SequenceTrigger = (typeof SEQUENCE_TRIGGERS)[number]

export const DELAY_UNITS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 7 * 86_400_000 } as const
export type DelayUnit = keyof typeof DELAY_UNITS

/** Lead statuses that end every sequence: sales took it from here, or it is decided. */
export const EXIT_STATUSES = ['contacted', 'won', 'lost'] as const

export interface SequenceStep {
  /** The array row's id: an enrolment remembers the step it sent by id, so reordering keeps its place. */
  id: string
  delay: number
  unit: DelayUnit
}

/** A row of `sequences`, as the nurture runner reads it. */
export interface Sequence {
  id: Id
  active: boolean
  trigger: SequenceTrigger
  /** form-submitted: one form's id, or any; topic-subscribed: a topic's slug; tag-added: the tag. */
  form: string | null
  topic: string | null
  tag: string | null
  /** Whether a person who finished or left may start it again. Never while they are in it. */
  reenter: boolean
  steps: SequenceStep[]
}

export type EnrolmentStatus = 'active' | 'completed' | 'exited'

/** One person's place in one sequence. */
export interface Enrolment {
  id: Id
  sequence: Id
  lead: Id
  status: EnrolmentStatus
  /** The last step sent (its id), and when it was due; null before the first. */
  lastStep: string | null
  lastStepAt: string | null
  /** The ids of the steps sent, in order. */
  sentSteps: string[]
  enrolledAt: string
  /** When the next step is due; null once finished. */
  nextDueAt: string | null
  locale: string | null
}

/** Whether an activity starts this sequence. */
export function triggers(sequence: Sequence, activity: Pick<Activity, 'kind' | 'form' | 'ref'>): boolean {
  if (!sequence.active || sequence.steps.length === 0 || activity.kind !== sequence.trigger) return false
  if (sequence.trigger === 'form-submitted') return !sequence.form || sequence.form === activity.form
  if (sequence.trigger === 'topic-subscribed') return !sequence.topic || sequence.topic === activity.ref
  if (sequence.trigger === 'tag-added') return !sequence.tag || sequence.tag === activity.ref
  return true
}

/** Whether a person with these enrolments in the sequence may enter it now: never twice at once; again after it only when allowed. */
export function mayEnter(sequence: Sequence, existing: Pick<Enrolment, 'status'>[]): boolean {
  if (existing.some((e) => e.status === 'active')) return false
  return existing.length === 0 || sequence.reenter
}

const delayMs = (step: SequenceStep) => Math.max(0, step.delay) * DELAY_UNITS[step.unit]

/**
 * The step to send next and when it is due, from the sequence as it is now: an edited delay
 * applies to the people waiting for it, a step added after someone's last one will reach them,
 * a person whose last step was deleted goes on with the step that followed it, and nobody gets a
 * step twice. Null when nothing is left.
 */
export function nextStep(
  sequence: Sequence,
  enrolment: Pick<Enrolment, 'lastStepAt' | 'enrolledAt' | 'sentSteps'>,
): { step: SequenceStep; index: number; dueAt: string } | null {
  const sent = new Set(enrolment.sentSteps)
  let after = -1
  sequence.steps.forEach((s, i) => {
    if (sent.has(s.id)) after = i
  })
  const index = sequence.steps.findIndex((s, i) => i > after && !sent.has(s.id))
  const step = sequence.steps[index]
  if (!step) return null
  const from = Date.parse(enrolment.lastStepAt ?? enrolment.enrolledAt)
  return { step, index, dueAt: new Date(from + delayMs(step)).toISOString() }
}

/** Why a person leaves a sequence before its end, or null to stay. */
export function exitReason(lead: { status: string; unsubscribed: boolean; erased: boolean }): string | null {
  if (lead.erased) return 'erased'
  if (lead.unsubscribed) return 'unsubscribed'
  if ((EXIT_STATUSES as readonly string[]).includes(lead.status)) return `status ${lead.status}`
  return null
}

/** The idempotency key of one step's email to one enrolment: a job run twice sends it once. */
export const stepEmailKey = (enrolment: Id, step: string) => `sequence-step/${enrolment}/${step}`

/** A step's subject or body for the person's language, falling back to the other. */
export function localized(
  value: Record<string, string | null | undefined> | string | null | undefined,
  locale: string | null,
  fallback: string,
): string {
  if (typeof value === 'string') return value
  if (!value) return ''
  return (locale && value[locale]) || value[fallback] || Object.values(value).find((v) => v) || ''
}

/** `{name}` and `{name|friend}` in a subject or body become the person's name, or the fallback. */
export function personalise(text: string, name: string | null): string {
  return text.replace(/\{name(?:\|([^}]*))?\}/g, (_, fallback: string | undefined) => name?.trim() || fallback || '')
}
