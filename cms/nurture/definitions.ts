import type { Payload } from 'payload'

import type { ScoringRule } from '../../functions/nurture/scoring'
import type { DelayUnit, Sequence } from '../../functions/nurture/sequences'

const idOf = (ref: unknown): string | null =>
  ref === null || ref === undefined ? null : String(typeof ref === 'object' ? (ref as { id: unknown }).id : ref)

/** The active scoring rules, with their category as its slug. */
export async function readRules(payload: Payload): Promise<ScoringRule[]> {
  const { docs } = await payload.find({
    collection: 'scoring-rules',
    where: { active: { equals: true } },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((d) => ({
    id: d.id,
    name: d.name,
    event: d.event,
    path: d.path?.trim() || null,
    category: typeof d.category === 'object' && d.category ? d.category.slug : null,
    form: idOf(d.form),
    visits: d.visits ?? null,
    withinDays: d.withinDays ?? null,
    points: Number(d.points ?? 0),
    decayDays: d.decayDays ?? null,
  }))
}

/** The qualifying threshold, or null for none. */
export async function readThreshold(payload: Payload): Promise<number | null> {
  const settings = await payload.findGlobal({ slug: 'scoring-settings', overrideAccess: true, depth: 0 })
  return typeof settings.threshold === 'number' ? settings.threshold : null
}

/** Every sequence with its steps' timing (texts are read by the job that sends a step). */
export async function readSequences(payload: Payload): Promise<Sequence[]> {
  const { docs } = await payload.find({
    collection: 'sequences',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: {
      active: true,
      trigger: true,
      form: true,
      topic: true,
      tag: true,
      reenter: true,
      steps: { id: true, delay: true, unit: true },
    },
  })
  return docs.map((d) => ({
    id: d.id,
    active: Boolean(d.active),
    trigger: d.trigger,
    form: idOf(d.form),
    topic: d.topic?.trim() || null,
    tag: d.tag?.trim() || null,
    reenter: Boolean(d.reenter),
    steps: (d.steps ?? []).map((s) => ({ id: String(s.id), delay: Number(s.delay ?? 0), unit: (s.unit ?? 'days') as DelayUnit })),
  }))
}
