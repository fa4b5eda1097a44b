import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import { lockReadOnly } from '../access/lockReadOnly'
import { canWorkLeads, isAdmin, isAdminField, nobody } from '../access/roles'
import { exportCsv } from '../endpoints/exportCsv'
import { NOTIFICATION_TASKS } from '../intake/tasks'

/**
 * An admin releasing a submission from the spam folder sets off the deliveries it never got (each does nothing when its form has it off).
 */
const notifyOnRelease: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation === 'update' && previousDoc?.isSpam && !doc.isSpam) {
    for (const task of Object.values(NOTIFICATION_TASKS))
      await req.payload.jobs.queue({ task, input: { submissionId: String(doc.id) }, queue: 'default', req })
  }
  return doc
}

/** One filled-in form, stored whole with the consent text the person saw. Written only by the site. */
export const Submissions: CollectionConfig = {
  slug: 'submissions',
  labels: { singular: { en: 'Submission', zh: '表单提交' }, plural: { en: 'Submissions', zh: '表单提交' } },
  admin: { defaultColumns: ['form', 'lead', 'isSpam', 'createdAt'], group: { en: 'Leads', zh: '线索' } },
  access: { create: nobody, read: canWorkLeads, update: canWorkLeads, delete: isAdmin },
  hooks: { afterChange: [notifyOnRelease] },
  endpoints: [
    exportCsv(
      'submissions',
      ['id', 'form', 'lead', 'values', 'consents', 'locale', 'pageUrl', 'lastTouch', 'isSpam', 'spamScore', 'createdAt'].map((key) => ({
        key,
        header: key,
      })),
    ),
  ],
  fields: lockReadOnly([
    { name: 'form', type: 'relationship', relationTo: 'forms', required: true, admin: { readOnly: true } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', required: true, index: true, admin: { readOnly: true } },
    { name: 'values', type: 'json', required: true, admin: { readOnly: true } },
    { name: 'consents', type: 'json', admin: { readOnly: true } },
    { name: 'attachments', type: 'relationship', relationTo: 'lead-files', hasMany: true, admin: { readOnly: true } },
    { name: 'locale', type: 'text', admin: { readOnly: true } },
    { name: 'pageUrl', type: 'text', admin: { readOnly: true } },
    { name: 'userAgent', type: 'text', admin: { readOnly: true } },
    { name: 'ipHash', type: 'text', admin: { readOnly: true } },
    // The browser's first-party visitor id: its touches become the lead's timeline.
    { name: 'visitor', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'firstTouch', type: 'json', admin: { readOnly: true } },
    { name: 'lastTouch', type: 'json', admin: { readOnly: true } },
    { name: 'spamScore', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'spamReasons', type: 'json', admin: { readOnly: true } },
    // The spam folder: an admin reviews and may release a submission (untick), which is then notified.
    { name: 'isSpam', type: 'checkbox', index: true, access: { update: isAdminField }, admin: { position: 'sidebar' } },
    { name: 'conflict', type: 'text', admin: { readOnly: true } },
    // Set when the person erased their account: values, address and browser are gone, the row is counted still.
    { name: 'anonymisedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
  ]),
}
