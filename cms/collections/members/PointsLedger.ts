import { randomBytes } from 'node:crypto'

import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import { APIError } from 'payload'

import { planEntry } from '../../../functions/members/points'
import { canEditContent, isCmsUser, nobody } from '../../access/roles'

/** An editor's grant: checked against the member's ledger like every other entry (a correction never takes the balance below zero). */
const checkGrant: CollectionBeforeValidateHook = async ({ data, req, operation }) => {
  // The site appends its own entries with context.ledger set, already planned by functions/members.
  if (operation !== 'create' || req.context?.ledger === 'site' || !data) return data
  const member = typeof data.member === 'object' && data.member ? data.member.id : data.member
  if (member === undefined || member === null) throw new APIError('Choose the member to grant points to.', 400, null, true)
  const { docs } = await req.payload.find({
    collection: 'points-ledger',
    where: { member: { equals: member } },
    limit: 0,
    pagination: false,
    depth: 0,
    req,
  })
  const points = Number(data.points)
  const kind = points < 0 ? 'adjust' : data.kind === 'adjust' ? 'adjust' : 'earn'
  const planned = planEntry(
    docs,
    { kind, reason: 'editor-grant', points, ref: `grant:${randomBytes(6).toString('hex')}` },
    { now: new Date() },
  )
  if (!planned.ok) {
    const message =
      planned.reason === 'not-enough-points'
        ? `This correction would take the member below zero points (balance ${planned.balance}).`
        : 'Points must be a whole number other than 0, at most 1,000,000 either way.'
    throw new APIError(message, 400, null, true)
  }
  return { ...data, ...planned.entry }
}

/**
 * Every change to a member's points, never edited or deleted. The site appends earnings and
 * redemptions; editors and admins append grants. (member, reason, ref) is unique, so nothing is
 * credited twice.
 */
export const PointsLedger: CollectionConfig = {
  slug: 'points-ledger',
  labels: { singular: { en: 'Points entry', zh: '积分记录' }, plural: { en: 'Points ledger', zh: '积分明细' } },
  admin: { defaultColumns: ['member', 'reason', 'points', 'at'], group: { en: 'Members', zh: '会员' } },
  access: { create: canEditContent, read: isCmsUser, update: nobody, delete: nobody },
  indexes: [{ fields: ['member', 'reason', 'ref'], unique: true }],
  hooks: { beforeValidate: [checkGrant] },
  timestamps: false,
  fields: [
    { name: 'member', type: 'relationship', relationTo: 'members', required: true, index: true },
    { name: 'kind', type: 'select', required: true, defaultValue: 'earn', options: ['earn', 'spend', 'adjust'] },
    {
      name: 'reason',
      type: 'select',
      required: true,
      defaultValue: 'editor-grant',
      options: ['sign-up', 'verified-profile', 'referral-member', 'editor-grant', 'reward'],
    },
    { name: 'points', type: 'number', required: true },
    { name: 'ref', type: 'text', required: true, defaultValue: 'grant', admin: { readOnly: true } },
    { name: 'note', type: 'text' },
    { name: 'at', type: 'date', required: true, index: true, defaultValue: () => new Date().toISOString(), admin: { readOnly: true } },
  ],
}
