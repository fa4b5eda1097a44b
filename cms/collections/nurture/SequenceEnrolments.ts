import type { CollectionConfig } from 'payload'

import { canWorkLeads, isAdmin, nobody } from '../../access/roles'

/** One person's place in one sequence, kept by the jobs worker. */
export const SequenceEnrolments: CollectionConfig = {
  slug: 'sequence-enrolments',
  labels: { singular: { en: 'Enrolment', zh: '序列进度' }, plural: { en: 'Enrolments', zh: '序列进度' } },
  admin: {
    defaultColumns: ['sequence', 'lead', 'status', 'sentCount', 'nextDueAt', 'exitReason', 'problem'],
    group: { en: 'Reach', zh: '触达' },
  },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  fields: [
    { name: 'sequence', type: 'relationship', relationTo: 'sequences', required: true, index: true, admin: { readOnly: true } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', required: true, index: true, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'active',
      // stuck: a step's email failed after its last retry; the person waits there until someone looks.
      options: ['active', 'completed', 'exited', 'stuck'],
      admin: { readOnly: true },
    },
    { name: 'exitReason', type: 'text', admin: { readOnly: true } },
    {
      name: 'problem',
      type: 'text',
      admin: {
        readOnly: true,
        description: {
          en: 'Why the person is stuck: the step whose email failed after its last retry, and the provider’s answer.',
          zh: '卡住的原因：哪一步的邮件在最后一次重试后仍发送失败，以及服务商的回复。',
        },
      },
    },
    { name: 'enrolledAt', type: 'date', required: true, admin: { readOnly: true } },
    { name: 'lastStep', type: 'text', admin: { readOnly: true } },
    { name: 'lastStepAt', type: 'date', admin: { readOnly: true } },
    { name: 'sentCount', type: 'number', defaultValue: 0, admin: { readOnly: true } },
    // The ids of the steps sent, so that an edited sequence never sends anyone a step twice.
    { name: 'sentSteps', type: 'json', admin: { readOnly: true } },
    { name: 'nextDueAt', type: 'date', index: true, admin: { readOnly: true } },
    // The step whose email is queued: not queued again while its job runs.
    { name: 'sending', type: 'text', admin: { readOnly: true } },
    { name: 'endedAt', type: 'date', admin: { readOnly: true } },
    { name: 'locale', type: 'text', admin: { readOnly: true } },
  ],
}
