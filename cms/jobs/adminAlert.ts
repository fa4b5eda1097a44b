import type { PayloadRequest } from 'payload'

import { cmsUrl } from '../environment'
import { sendEmail } from './sendEmail'

/**
 * Tells the admins, in one email, that a lead's delivery gave up after its last attempt. When the
 * mail provider is the very thing that is down, the alert lands in the Outbox collection instead,
 * so it is never lost; the key makes a re-run of the same job alert once only.
 * @example await alertAdmins(req, { leadId: 7, problem: 'sales email to … failed after 5 attempts: …',
 *   key: 'delivery-problem/7/sales email/12' })
 */
export async function alertAdmins(
  req: PayloadRequest,
  { leadId, problem, key }: { leadId: string | number; problem: string; key: string },
): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { role: { equals: 'admin' } },
    limit: 50,
    depth: 0,
    pagination: false,
  })
  const to = docs.map((user) => user.email).filter(Boolean)
  if (to.length === 0) return
  const link = `${cmsUrl}/admin/collections/leads/${leadId}`
  const subject = `Delivery failed for lead ${leadId}`
  const text = `${problem}\n\nThe lead: ${link}\nQueued, failed and stranded jobs, with a retry button: ${cmsUrl}/admin/jobs`
  const html = `<p>${escape(problem)}</p><p><a href="${link}">The lead</a> · <a href="${cmsUrl}/admin/jobs">Jobs</a></p>`
  try {
    await sendEmail(req, { to: to.join(', '), subject, text, html, idempotencyKey: key })
  } catch {
    // The provider refused this too (it is likely down): the Outbox keeps the alert for the admins.
    await req.payload.create({ collection: 'outbox', data: { to: to.join(', '), subject, text, html }, overrideAccess: true })
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}
