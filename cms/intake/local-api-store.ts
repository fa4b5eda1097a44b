import type { Payload, Where } from 'payload'

import type { IntakeStore, LeadRef, NewLead } from '../../functions/lead-intake/intake'
import { createLeadOnce } from './create-lead'
import { NOTIFICATION_TASKS } from './tasks'

const isNew = (lead: LeadRef | NewLead): lead is NewLead => !('id' in lead)
const relation = (id: string | number) => (typeof id === 'string' && /^[0-9]+$/.test(id) ? Number(id) : id) as never

/**
 * Lead intake's storage through Payload's Local API: works on every database adapter (MongoDB in
 * production). Its writes are separate steps; on SQLite the faster sqlite-store writes them at once.
 */
export function localApiIntakeStore(payload: Payload): IntakeStore {
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
          const doc = await payload.create({ collection: 'lead-files', data: {}, file: { data: Buffer.from(bytes), mimetype: mimeType, name: filename, size }, depth: 0 })
          return { field, file: doc.id, filename: (doc.filename as string | null) ?? filename, mimeType, size }
        }),
      ),
    storeSubmission: ({ lead, submission, notify }) =>
      // One person's submissions are stored one after another in this process, so two at the same
      // moment make one lead; across processes, MongoDB's unique indexes do (createLeadOnce).
      oneAtATime(isNew(lead) ? (lead.email ?? lead.phone ?? null) : null, async () => {
      // The same new person may have been stored by a request a moment ago: attach to that lead.
      const known = isNew(lead) ? ((lead.email && (await first({ email: { equals: lead.email } }))) || (lead.phone && (await first({ phone: { equals: lead.phone } }))) || null) : lead
      const leadId = known ? known.id : (await createLeadOnce(payload, lead as NewLead)).id
      const { spam, ...data } = submission
      const attachments = Object.values(data.values).flatMap((v) => (v && typeof v === 'object' && 'file' in v ? [relation(v.file)] : []))
      const created = await payload.create({
        collection: 'submissions',
        data: { ...data, form: relation(data.form), lead: relation(leadId), attachments, spamScore: spam.score, spamReasons: spam.reasons, isSpam: spam.isSpam } as never,
        depth: 0,
        select: { locale: true },
      })
      for (const kind of notify) await payload.jobs.queue({ task: NOTIFICATION_TASKS[kind], input: { submissionId: String(created.id) }, queue: 'default' } as never)
      return { submissionId: created.id, leadId }
      }),
  }
}

const running = new Map<string, Promise<unknown>>()

/** Runs `work` after any earlier work of the same key has finished; work without a key runs at once. */
function oneAtATime<T>(key: string | null, work: () => Promise<T>): Promise<T> {
  if (key === null) return work()
  const result = (running.get(key) ?? Promise.resolve()).catch(() => undefined).then(work)
  const settled = result.catch(() => undefined)
  running.set(key, settled)
  void settled.then(() => running.get(key) === settled && running.delete(key))
  return result
}
