import type { CollectionConfig } from 'payload'

import { lockReadOnly } from '../access/lockReadOnly'
import { canWorkLeads, isAdmin, nobody } from '../access/roles'
import { exportCsv } from '../endpoints/exportCsv'
import { leadEraseEndpoint, leadExportEndpoint } from '../leads/rights'
import { eraseNurtureOfLead } from '../nurture/erase'
import { recordTagsAdded } from '../nurture/tags'
import { leadTimelineEndpoint } from '../nurture/timeline'

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'won', 'lost'] as const

/** One person the brand may contact, with their submissions; sales move it through the pipeline. */
export const Leads: CollectionConfig = {
  slug: 'leads',
  labels: { singular: { en: 'Lead', zh: '线索' }, plural: { en: 'Leads', zh: '线索' } },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'status', 'score', 'lastActivityAt', 'owner', 'createdAt'],
    group: { en: 'Leads', zh: '线索' },
    // Mine, new today, qualified, hottest: links to this list filtered and sorted (functions/nurture/inbox.ts).
    components: { beforeList: ['/components/leads/LeadViews#LeadViews'] },
  },
  access: { create: nobody, read: canWorkLeads, update: canWorkLeads, delete: isAdmin },
  hooks: {
    // A lead's delivery attempts go with it (they name the addresses mailed); before, since each row requires its lead.
    beforeDelete: [
      async ({ req, id }) =>
        void (await req.payload.delete({ collection: 'lead-deliveries', where: { lead: { equals: id } }, req, overrideAccess: true })),
    ],
    afterChange: [eraseNurtureOfLead, recordTagsAdded],
  },
  endpoints: [
    leadTimelineEndpoint,
    leadExportEndpoint,
    leadEraseEndpoint,
    exportCsv(
      'leads',
      ['id', 'email', 'phone', 'name', 'status', 'score', 'notes', 'firstTouch', 'lastTouch', 'createdAt'].map((key) => ({
        key,
        header: key,
      })),
    ),
  ],
  fields: lockReadOnly([
    { name: 'email', type: 'email', index: true },
    { name: 'phone', type: 'text', index: true },
    { name: 'name', type: 'text' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      options: LEAD_STATUSES.map((value) => ({
        value,
        label: {
          new: { en: 'New', zh: '新线索' },
          contacted: { en: 'Contacted', zh: '已联系' },
          qualified: { en: 'Qualified', zh: '已确认' },
          won: { en: 'Won', zh: '赢单' },
          lost: { en: 'Lost', zh: '丢单' },
        }[value],
      })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      filterOptions: { role: { in: ['sales', 'sales-manager'] } },
      admin: { position: 'sidebar' },
    },
    // Kept by the jobs worker from the scoring rules (cms/nurture); each change and its reason is in scoreChanges.
    { name: 'score', type: 'number', defaultValue: 0, index: true, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'lastActivityAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    // When the score first crossed the threshold: the owner is told once, never again.
    {
      name: 'qualifiedAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'notes', type: 'textarea' },
    // Sales' own labels; adding one can start a sequence (trigger "tag added").
    { name: 'tags', type: 'text', hasMany: true, index: true, admin: { position: 'sidebar' } },
    // Set when a delivery gave up after its last attempt; cleared when one succeeds. A list column and filter for admins.
    {
      name: 'deliveryProblem',
      type: 'text',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { en: 'A delivery that failed after its last attempt.', zh: '最后一次尝试后仍失败的投递。' },
      },
    },
    // The member account with this lead's verified email (never two leads merged); when the person became a member.
    { name: 'member', type: 'relationship', relationTo: 'members', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'becameMemberAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    // Set when the person erased their account: the row stays for the funnel's counts, without anything personal.
    { name: 'anonymisedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'firstTouch', type: 'json', admin: { readOnly: true } },
    { name: 'lastTouch', type: 'json', admin: { readOnly: true } },
    // Touches, activity and score changes as one story (cms/nurture/timeline.ts); the tables below hold each in full.
    { name: 'timeline', type: 'ui', admin: { components: { Field: '/components/leads/LeadTimeline#LeadTimeline' } } },
    // The person's data rights, asked for by email or phone: a download and an erasure (cms/leads/rights.ts).
    {
      name: 'dataRights',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/leads/LeadDataRights#LeadDataRights' } },
    },
    { name: 'submissions', type: 'join', collection: 'submissions', on: 'lead' },
    // Every arrival of the browsers this person submitted from, oldest first: where they came from, each time.
    {
      name: 'touches',
      type: 'join',
      collection: 'touches',
      on: 'lead',
      defaultSort: 'at',
      admin: { defaultColumns: ['at', 'channel', 'source', 'campaign', 'campaignLink', 'landingPage'] },
    },
    {
      name: 'scoreChanges',
      type: 'join',
      collection: 'score-changes',
      on: 'lead',
      defaultSort: '-at',
      admin: { defaultColumns: ['at', 'points', 'reason'] },
    },
    // Page views, submissions, downloads and email events, newest first: what this person did.
    {
      name: 'activity',
      type: 'join',
      collection: 'lead-activity',
      on: 'lead',
      defaultSort: '-at',
      admin: { defaultColumns: ['at', 'kind', 'path', 'categories', 'ref'] },
    },
    {
      name: 'enrolments',
      type: 'join',
      collection: 'sequence-enrolments',
      on: 'lead',
      admin: { defaultColumns: ['sequence', 'status', 'sentCount', 'nextDueAt', 'exitReason'] },
    },
    // Every attempt at this lead's sales email, autoresponder and webhook, newest first: one row each
    // in lead-deliveries (see ./LeadDeliveries.ts for why not an array here).
    {
      name: 'deliveries',
      type: 'join',
      collection: 'lead-deliveries',
      on: 'lead',
      defaultSort: '-at',
      defaultLimit: 20,
      admin: {
        defaultColumns: ['at', 'kind', 'status', 'to', 'reason'],
        description: { en: 'Every delivery attempt for this lead.', zh: '该线索的每次投递尝试。' },
      },
    },
  ]),
}
