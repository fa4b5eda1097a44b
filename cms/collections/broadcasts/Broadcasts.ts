import { type CollectionAfterChangeHook, type CollectionBeforeValidateHook, type CollectionConfig, ValidationError } from 'payload'

import { BROADCAST_STATUSES } from '../../../functions/broadcasts/send'
import { canEditContent } from '../../access/roles'
import { broadcastStatsEndpoint } from '../../broadcasts/stats'
import { broadcastPreviewEndpoint, broadcastTestSendEndpoint } from '../../broadcasts/test-send'
import { bumpContentVersion } from '../../hooks/bumpContentVersion'

/** A broadcast to send needs something to say: a body or a post. Drafts may be empty. */
const needsContent: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  // Once planned its content is locked and was checked; marking it public from another language's tab must pass.
  if (originalDoc?.plannedAt) return data
  const merged = { ...originalDoc, ...data }
  if (merged.status !== 'draft' && merged.status !== 'cancelled' && !merged.body && !merged.post) {
    throw new ValidationError({ errors: [{ path: 'body', message: 'Write a body or choose a post to send.' }] })
  }
  return data
}

/** What the recipients read and who they are: fixed once the recipients are planned. */
const SENT_FIELDS = ['subject', 'preheader', 'body', 'post', 'segment'] as const

/**
 * Once a broadcast's recipients are planned, its content and segment stay as they are: a batch sent
 * again after a stop must be the same request under the same Idempotency-Key (Resend refuses the
 * key with another body), and every recipient must get the same email. Status and `public` may change.
 */
const lockedOncePlanned: CollectionBeforeValidateHook = ({ data, originalDoc, context }) => {
  if (!originalDoc?.plannedAt || context.broadcastSend || !data) return data
  const changed = SENT_FIELDS.filter((field) => field in data && stable(idOrValue(data[field])) !== stable(idOrValue(originalDoc[field])))
  if (changed.length)
    throw new ValidationError({
      errors: changed.map((path) => ({
        path,
        message: 'This broadcast is being sent or was sent: its content and segment can no longer change. Make a new broadcast instead.',
      })),
    })
  return data
}
/** JSON with keys in order, so that the same rich text saved again by the admin compares equal. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )
const idOrValue = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : (value ?? null)

/**
 * Queues the send when a broadcast becomes scheduled (or is resumed): the jobs worker runs it at
 * `sendAt`. A job for an older `sendAt` finds the broadcast not due and ends; this one sends.
 */
const queueSend: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  // The send job's own status changes (scheduled → sending → sent) queue nothing.
  if (context.broadcastSend) return doc
  const due = doc.status === 'scheduled' || doc.status === 'sending'
  const changed = doc.status !== previousDoc?.status || doc.sendAt !== previousDoc?.sendAt
  if (due && changed) {
    await req.payload.jobs.queue({
      task: 'sendBroadcast',
      input: { broadcastId: String(doc.id) },
      queue: 'default',
      ...(doc.sendAt ? { waitUntil: new Date(doc.sendAt) } : {}),
      req,
    })
  }
  return doc
}

/** A public broadcast is on the site's newsletter archive: a change to it, or to whether it is public, is a change of content. */
const bumpWhenPublic: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.public || previousDoc?.public) await bumpContentVersion(req)
  return doc
}

/** One email to a segment: a newsletter written here, or a post sent as it is (functions/broadcasts). */
export const Broadcasts: CollectionConfig = {
  slug: 'broadcasts',
  labels: { singular: { en: 'Broadcast', zh: '群发邮件' }, plural: { en: 'Broadcasts', zh: '群发邮件' } },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'segment', 'status', 'sendAt', 'recipients'],
    group: { en: 'Reach', zh: '触达' },
  },
  access: { create: canEditContent, read: canEditContent, update: canEditContent, delete: canEditContent },
  endpoints: [broadcastStatsEndpoint, broadcastTestSendEndpoint, broadcastPreviewEndpoint],
  hooks: { beforeValidate: [lockedOncePlanned, needsContent], afterChange: [queueSend, bumpWhenPublic] },
  fields: [
    {
      name: 'subject',
      type: 'text',
      required: true,
      localized: true,
      admin: {
        description: {
          en: '{name} puts in the recipient’s name; {name|friend} gives a fallback.',
          zh: '{name} 插入收件人姓名；{name|朋友} 指定缺省值。',
        },
      },
    },
    { name: 'preheader', type: 'text', localized: true },
    { name: 'body', type: 'richText', localized: true },
    {
      name: 'post',
      type: 'relationship',
      relationTo: 'posts',
      admin: {
        description: {
          en: 'Send a post as it is: its cover, excerpt and a link to read it on the site.',
          zh: '直接发送一篇文章：封面、摘要和阅读链接。',
        },
      },
    },
    { name: 'segment', type: 'relationship', relationTo: 'segments', required: true },
    {
      name: 'sendAt',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: { en: 'Empty: as soon as it is scheduled.', zh: '留空：排期后立即发送。' },
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      options: BROADCAST_STATUSES.map((value) => ({ value, label: value })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'public',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description: {
          en: 'List it in the newsletter archive on the site once sent.',
          zh: '发送后在网站的通讯归档中展示。',
        },
      },
    },
    {
      name: 'testSend',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/broadcasts/BroadcastTestSend#BroadcastTestSend' } },
    },
    {
      name: 'stats',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/broadcasts/BroadcastStats#BroadcastStats' } },
    },
    { name: 'plannedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'recipients', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'sentAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
  ],
}
