import type { Payload, Where } from 'payload'

import type { IntakeStore, LeadRef, NewLead } from '../../functions/lead-intake/intake'
import { toRelation } from '../members/records'
import { insertActivity } from '../nurture'
import { localApiLeadStore } from './lead-store'
import { NOTIFICATION_TASKS } from './tasks'

const isNew = (lead: LeadRef | NewLead): lead is NewLead => !('id' in lead)

/**
 * Lead intake's storage through Payload's Local API: works on every database adapter (MongoDB in
 * production). Its writes are separate steps; on SQLite the faster sqlite-store writes them at once.
 */
export function localApiIntakeStore(payload: Payload): IntakeStore {
  const leads = localApiLeadStore(payload)
  const first = async (where: Where) => {
    const doc = (await payload.find({ collection: 'leads', where, limit: 1, depth: 0, sort: 'createdAt', select: { email: true } })).docs[0]
    return doc ? { id: doc.id } : null
  }
  return {
    findLeads: async ({ email, phone }) => ({
      byEmail: email ? await first({ email: { equals: email } }) : null,
      byPhone: phone ? await first({ phone: { equals: phone } }) : null,
    }),
    storeFiles: (files) =>
      Promise.all(
        files.map(async ({ field, filename, mimeType, size, bytes }) => {
          const doc = await payload.create({
            collection: 'lead-files',
            data: {},
            file: { data: Buffer.from(bytes), mimetype: mimeType, name: filename, size },
            depth: 0,
          })
          return { field, file: doc.id, filename: (doc.filename as string | null) ?? filename, mimeType, size }
        }),
      ),
    storeSubmission: async ({ lead, submission, notify, activity }) => {
      // The same new person may have been stored by a request a moment ago: attach to that lead.
      const leadId = isNew(lead) ? (await leads.findOrCreateLead(lead)).id : lead.id
      const { spam, ...data } = submission
      const attachments = Object.values(data.values).flatMap((v) => (v && typeof v === 'object' && 'file' in v ? [toRelation(v.file)] : []))
      const created = await payload.create({
        collection: 'submissions',
        data: {
          ...data,
          form: toRelation(data.form),
          lead: toRelation(leadId),
          attachments,
          spamScore: spam.score,
          spamReasons: spam.reasons,
          isSpam: spam.isSpam,
        },
        depth: 0,
        select: { locale: true },
      })
      for (const kind of notify)
        await payload.jobs.queue({ task: NOTIFICATION_TASKS[kind], input: { submissionId: String(created.id) }, queue: 'default' })
      if (activity) {
        const { form, visitor, locale } = submission
        const row = { lead: leadId, visitor: visitor ?? null, at: activity.at, path: null, categories: [], locale }
        await insertActivity(payload, [{ ...row, kind: 'form-submitted', form: String(form), ref: String(created.id) }])
      }
      return { submissionId: created.id, leadId }
    },
  }
}
