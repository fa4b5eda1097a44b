import type { Activity, Id, NewActivity } from './activity'
import { crossesThreshold, decayOf, QUALIFIABLE, scoreActivity, type ScoreChange, type ScoringHistory, type ScoringRule } from './scoring'
import { type Enrolment, exitReason, mayEnter, nextStep, type Sequence, triggers } from './sequences'

/** A lead as the runner needs it. */
export interface LeadState {
  id: Id
  score: number
  status: string
  /** Set the first time the lead crossed the threshold: its owner is told once, never again. */
  qualifiedAt: string | null
  unsubscribed: boolean
  erased: boolean
}

/** Everything one batch decided, written by the store in one transaction where it can. */
export interface ProcessedBatch {
  processed: Id[]
  changes: ScoreChange[]
  /** New scores and latest activity per lead; `qualify` moves the lead to qualified and tells its owner (once). */
  leads: { lead: Id; scoreDelta: number; lastActivityAt: string | null; qualify: boolean; crossedAt: string | null }[]
  /** Follow-up activities (score-crossed), processed by the next batch like any other. */
  activities: NewActivity[]
  enrolments: Omit<Enrolment, 'id'>[]
}

/** A step to send: its job is queued and the enrolment marked as sending it, together. */
export interface DueStep {
  enrolment: Id
  step: string
  dueAt: string
}

/**
 * Where the runner reads and writes (cms/nurture): SQL on SQLite, the Local API elsewhere. The
 * runner runs in the jobs worker only, one batch at a time.
 */
export interface NurtureStore {
  /** Activities of known leads not processed yet, oldest first. */
  pendingActivity(limit: number): Promise<Activity[]>
  rules(): Promise<ScoringRule[]>
  threshold(): Promise<number | null>
  sequences(): Promise<Sequence[]>
  leads(ids: Id[]): Promise<LeadState[]>
  /** Page view times (ms) of these leads since `since`. */
  viewTimes(leads: Id[], since: string): Promise<Map<string, number[]>>
  /** When each (lead, rule) last got points, keyed `lead/rule`. */
  lastFired(leads: Id[], rules: Id[]): Promise<Map<string, number>>
  enrolmentsOf(leads: Id[]): Promise<Enrolment[]>
  commit(batch: ProcessedBatch): Promise<void>
  /** Score changes whose points have expired and are not taken back yet. */
  expiredChanges(now: Date, limit: number): Promise<(ScoreChange & { id: Id })[]>
  commitDecay(reversals: ScoreChange[], expired: Id[]): Promise<void>
  /** Active enrolments due at `now`, not being sent. */
  dueEnrolments(now: Date, limit: number): Promise<Enrolment[]>
  /** Queues the step's job and marks the enrolment as sending it. */
  queueSteps(steps: DueStep[]): Promise<void>
  /** Moves the due time of enrolments whose sequence was edited (a longer delay). */
  reschedule(moves: { enrolment: Id; nextDueAt: string }[]): Promise<void>
  /** Ends enrolments: finished, or left for a reason. */
  endEnrolments(ends: { enrolment: Id; status: 'completed' | 'exited'; reason: string | null; at: string }[]): Promise<void>
}

const DAY_MS = 86_400_000

/**
 * How many activities one batch scores, and so how much one write transaction holds. While it
 * commits, every other writer of the SQLite file waits, the site's intake first: in a campaign's
 * burst, a batch of 500 held the write lock for 40 to 90 ms once a second, and every submission in
 * flight waited behind it (bench/intake.ts, the submit p99); one of 100, up to 40 ms. A batch of 50
 * is about one of the primary's own transactions. A turn takes batches until none is left, so
 * smaller ones cost a few more reads, not the scoring's pace (bench/nurture.ts).
 */
export const ACTIVITY_BATCH = 50

/**
 * Processes one batch of activities: scores them under the rules (with the reason of each
 * change), qualifies leads that cross the threshold, and enrols people in the sequences their
 * activity triggers. Answers how many activities it processed (0 when there was nothing).
 */
export async function processActivity(store: NurtureStore, limit = ACTIVITY_BATCH): Promise<number> {
  const activities = await store.pendingActivity(limit)
  if (!activities.length) return 0
  const [rules, threshold, sequences] = await Promise.all([store.rules(), store.threshold(), store.sequences()])
  const leadIds = [...new Set(activities.map((a) => String(a.lead)))]
  const visitRules = rules.filter((r) => r.event === 'visits')
  const earliest = Math.min(...activities.map((a) => Date.parse(a.at)))
  const since = new Date(earliest - Math.max(0, ...visitRules.map((r) => r.withinDays ?? 30)) * DAY_MS).toISOString()
  const [leads, views, fired, enrolments] = await Promise.all([
    store.leads(leadIds),
    visitRules.length ? store.viewTimes(leadIds, since) : Promise.resolve(new Map<string, number[]>()),
    visitRules.length
      ? store.lastFired(
          leadIds,
          visitRules.map((r) => r.id),
        )
      : Promise.resolve(new Map<string, number>()),
    sequences.length ? store.enrolmentsOf(leadIds) : Promise.resolve([] as Enrolment[]),
  ])
  const byLead = new Map(
    leads.map((l) => [String(l.id), { ...l, delta: 0, last: null as string | null, qualify: false, crossedAt: null as string | null }]),
  )
  const history: ScoringHistory = {
    viewTimes: (lead) => views.get(String(lead)) ?? [],
    lastFired: (lead, rule) => fired.get(`${lead}/${rule}`) ?? null,
    fired: (lead, rule, at) => void fired.set(`${lead}/${rule}`, at),
  }
  const batch: ProcessedBatch = { processed: [], changes: [], leads: [], activities: [], enrolments: [] }
  const enrolled = new Map<string, Pick<Enrolment, 'status'>[]>()
  for (const e of enrolments) enrolled.set(`${e.sequence}/${e.lead}`, [...(enrolled.get(`${e.sequence}/${e.lead}`) ?? []), e])

  for (const activity of activities) {
    batch.processed.push(activity.id)
    const lead = byLead.get(String(activity.lead))
    // A lead deleted or erased since: nothing to score, nobody to write to.
    if (!lead || lead.erased) continue
    if (activity.kind !== 'score-crossed' && activity.kind !== 'email-open' && (!lead.last || activity.at > lead.last))
      lead.last = activity.at
    for (const change of scoreActivity(rules, activity, history)) {
      const before = lead.score + lead.delta
      lead.delta += change.points
      batch.changes.push(change)
      if (crossesThreshold(before, before + change.points, threshold) && !lead.qualifiedAt && !lead.crossedAt) {
        lead.crossedAt = change.at
        lead.qualify = (QUALIFIABLE as readonly string[]).includes(lead.status)
        batch.activities.push({
          lead: lead.id,
          visitor: null,
          kind: 'score-crossed',
          at: change.at,
          path: null,
          categories: [],
          form: null,
          ref: String(threshold),
          locale: null,
        })
      }
    }
    for (const sequence of sequences) {
      if (!triggers(sequence, activity)) continue
      const key = `${sequence.id}/${lead.id}`
      const existing = enrolled.get(key) ?? []
      if (!mayEnter(sequence, existing) || exitReason(lead)) continue
      const enrolment: Omit<Enrolment, 'id'> = {
        sequence: sequence.id,
        lead: lead.id,
        status: 'active',
        lastStep: null,
        lastStepAt: null,
        sentSteps: [],
        enrolledAt: activity.at,
        nextDueAt: null,
        locale: activity.locale,
      }
      enrolment.nextDueAt = nextStep(sequence, enrolment)?.dueAt ?? null
      batch.enrolments.push(enrolment)
      enrolled.set(key, [...existing, { status: 'active' }])
    }
  }
  for (const lead of byLead.values()) {
    if (lead.delta || lead.last || lead.qualify || lead.crossedAt)
      batch.leads.push({
        lead: lead.id,
        scoreDelta: lead.delta,
        lastActivityAt: lead.last,
        qualify: lead.qualify,
        crossedAt: lead.crossedAt,
      })
  }
  await store.commit(batch)
  return activities.length
}

/** Takes back the points of score changes whose decay time has passed. */
export async function applyDecay(store: NurtureStore, now: Date, limit = 500): Promise<number> {
  const expired = await store.expiredChanges(now, limit)
  if (!expired.length) return 0
  await store.commitDecay(
    expired.map((c) => decayOf(c, now)),
    expired.map((c) => c.id),
  )
  return expired.length
}

/**
 * Finds the sequence steps due at `now` and queues their emails; people who left (contacted,
 * won, lost, unsubscribed) are taken out first, and people past the last step are done.
 */
export async function queueDueSteps(store: NurtureStore, now: Date, limit = 500): Promise<number> {
  const due = await store.dueEnrolments(now, limit)
  if (!due.length) return 0
  const sequences = new Map((await store.sequences()).map((s) => [String(s.id), s]))
  const leads = new Map((await store.leads([...new Set(due.map((e) => String(e.lead)))])).map((l) => [String(l.id), l]))
  const steps: DueStep[] = []
  const moves: { enrolment: Id; nextDueAt: string }[] = []
  const ends: Parameters<NurtureStore['endEnrolments']>[0] = []
  for (const enrolment of due) {
    const sequence = sequences.get(String(enrolment.sequence))
    const lead = leads.get(String(enrolment.lead))
    const at = now.toISOString()
    if (!lead) {
      ends.push({ enrolment: enrolment.id, status: 'exited', reason: 'lead deleted', at })
      continue
    }
    const reason = exitReason(lead)
    if (reason) {
      ends.push({ enrolment: enrolment.id, status: 'exited', reason, at })
      continue
    }
    // A paused (inactive) sequence keeps its people where they are until it is active again.
    if (!sequence?.active) continue
    const next = nextStep(sequence, enrolment)
    if (!next) ends.push({ enrolment: enrolment.id, status: 'completed', reason: null, at })
    else if (next.dueAt <= at) steps.push({ enrolment: enrolment.id, step: next.step.id, dueAt: next.dueAt })
    else moves.push({ enrolment: enrolment.id, nextDueAt: next.dueAt })
  }
  if (moves.length) await store.reschedule(moves)
  if (ends.length) await store.endEnrolments(ends)
  if (steps.length) await store.queueSteps(steps)
  return steps.length
}

/** One turn of the worker's nurture loop: activities, decay, then due steps. */
export async function nurtureTurn(store: NurtureStore, now: Date): Promise<{ activities: number; decayed: number; steps: number }> {
  let activities = 0
  for (let n = await processActivity(store); n > 0; n = await processActivity(store)) activities += n
  const decayed = await applyDecay(store, now)
  const steps = await queueDueSteps(store, now)
  return { activities, decayed, steps }
}
