import type { Endpoint, Payload } from 'payload'

import { roleOf } from '../access/roles'

/** Per step of a sequence: emails sent, opened, clicked, and the people who left after it. */
export interface StepStats {
  step: string
  sent: number
  opened: number
  clicked: number
  left: number
}

/** The statistics of each step of a sequence, in the sequence's order. */
export async function sequenceStats(
  payload: Payload,
  sequenceId: string | number,
): Promise<{ enrolled: number; active: number; completed: number; exited: number; steps: StepStats[] }> {
  const sequence = await payload.findByID({ collection: 'sequences', id: sequenceId, depth: 0, overrideAccess: true })
  const emails = (
    await payload.find({
      collection: 'sequence-emails',
      where: { sequence: { equals: sequenceId } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { step: true, sentAt: true, openedAt: true, clickedAt: true },
    })
  ).docs
  const enrolments = (
    await payload.find({
      collection: 'sequence-enrolments',
      where: { sequence: { equals: sequenceId } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { status: true, lastStep: true },
    })
  ).docs
  const steps = (sequence.steps ?? []).map((s): StepStats => {
    const mine = emails.filter((e) => e.step === s.id && e.sentAt)
    return {
      step: String(s.id),
      sent: mine.length,
      opened: mine.filter((e) => e.openedAt).length,
      clicked: mine.filter((e) => e.clickedAt).length,
      left: enrolments.filter((e) => e.status === 'exited' && e.lastStep === s.id).length,
    }
  })
  const count = (status: string) => enrolments.filter((e) => e.status === status).length
  return { enrolled: enrolments.length, active: count('active'), completed: count('completed'), exited: count('exited'), steps }
}

/** GET /api/sequences/:id/stats, for the people who work leads. */
export const sequenceStatsEndpoint: Endpoint = {
  path: '/:id/stats',
  method: 'get',
  handler: async (req) => {
    const role = roleOf(req)
    if (role !== 'admin' && role !== 'sales' && role !== 'sales-manager')
      return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    const id = String(req.routeParams?.id ?? '')
    if (!/^[0-9a-f]{1,24}$/i.test(id)) return Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
    const found = await req.payload.findByID({
      collection: 'sequences',
      id: /^[0-9]+$/.test(id) ? Number(id) : id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!found) return Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
    return Response.json(await sequenceStats(req.payload, found.id))
  },
}
