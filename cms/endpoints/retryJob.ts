import type { Endpoint } from 'payload'

import { roleOf } from '../access/roles'
import { retryJob } from '../jobs/admin'

const STATUS = { 'not found': 404, done: 409, running: 409 } as const
const MESSAGE = {
  'not found': 'No such job.',
  done: 'This job is done: there is nothing to retry.',
  running: 'A worker is running this job now; retry it if it is still there after its lease runs out.',
} as const

/**
 * `POST /api/jobs/:id/retry`: an admin sends a failed or stranded job round again (the button on
 * /admin/jobs). Anyone else gets 403; an unknown job 404; a done or running one 409.
 */
export const retryJobEndpoint: Endpoint = {
  path: '/jobs/:id/retry',
  method: 'post',
  handler: async (req) => {
    if (roleOf(req) !== 'admin')
      return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    const raw = String(req.routeParams?.id ?? '')
    const id = req.payload.db.defaultIDType === 'number' ? Number(raw) : raw
    if (req.payload.db.defaultIDType === 'number' && !Number.isInteger(id))
      return Response.json({ errors: [{ message: MESSAGE['not found'] }] }, { status: 404 })
    const refusal = await retryJob(req.payload, id)
    if (refusal) return Response.json({ errors: [{ message: MESSAGE[refusal] }] }, { status: STATUS[refusal] })
    return Response.json({ message: 'The job is queued again.', id })
  },
}
