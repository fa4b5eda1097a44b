import { type CollectionBeforeValidateHook, type CollectionConfig, ValidationError } from 'payload'

import { CHANNELS } from '../../../functions/attribution/touch'
import { RULE_KINDS, segmentProblems } from '../../../functions/broadcasts/segment'
import { LOCALES } from '../../../functions/content/locales'
import { canEditContent } from '../../access/roles'
import { segmentPreviewEndpoint, segmentRecipientsEndpoint } from '../../broadcasts/preview'
import { LEAD_STATUSES } from '../Leads'

const KIND_LABELS: Record<(typeof RULE_KINDS)[number], string> = {
  topic: 'Subscribed to a topic',
  tier: 'Member tier',
  locale: 'Language',
  touch: 'Channel or campaign of a touch',
  leadStatus: 'Lead status',
  leadOwner: 'Lead owner',
  form: 'Submitted a form',
  since: 'Known since',
  points: 'Points above',
}

const when = (...kinds: string[]) => ({ condition: (_: unknown, row: { kind?: string }) => kinds.includes(row?.kind ?? '') })

/** Refuses rules the domain cannot compile, with the row and field an editor must fix. */
const checkRules: CollectionBeforeValidateHook = ({ data }) => {
  const problems = segmentProblems({ match: data?.match, rules: data?.rules })
  if (problems.length)
    throw new ValidationError({
      errors: problems.map((p) => ({ path: p.rule < 0 ? p.field : `rules.${p.rule}.${p.field}`, message: p.message })),
    })
  return data
}

/** Saved rules over members and leads (functions/broadcasts/segment.ts); the `newsletter` segment is seeded by its migration. */
export const Segments: CollectionConfig = {
  slug: 'segments',
  labels: { singular: { en: 'Segment', zh: '人群' }, plural: { en: 'Segments', zh: '人群' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'match'], group: { en: 'Reach', zh: '触达' } },
  access: { create: canEditContent, read: canEditContent, update: canEditContent, delete: canEditContent },
  endpoints: [segmentPreviewEndpoint, segmentRecipientsEndpoint],
  hooks: { beforeValidate: [checkRules] },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (v: unknown) => (typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(v)) || 'Lower-case letters, digits and dashes.',
    },
    {
      name: 'match',
      type: 'select',
      required: true,
      defaultValue: 'all',
      options: [
        { value: 'all', label: 'All rules' },
        { value: 'any', label: 'Any rule' },
      ],
    },
    { name: 'preview', type: 'ui', admin: { components: { Field: '/components/broadcasts/SegmentPreview#SegmentPreview' } } },
    {
      name: 'rules',
      type: 'array',
      fields: [
        { name: 'kind', type: 'select', required: true, options: RULE_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })) },
        { name: 'topic', type: 'text', admin: when('topic') },
        { name: 'tier', type: 'relationship', relationTo: 'tiers', admin: when('tier') },
        { name: 'locale', type: 'select', options: LOCALES.map((l) => ({ value: l.code, label: l.label })), admin: when('locale') },
        { name: 'touch', type: 'select', options: ['first', 'last'], admin: when('touch') },
        { name: 'channel', type: 'select', options: CHANNELS.map((value) => ({ value, label: value })), admin: when('touch') },
        { name: 'campaign', type: 'text', admin: when('touch') },
        { name: 'status', type: 'select', options: LEAD_STATUSES.map((value) => ({ value, label: value })), admin: when('leadStatus') },
        { name: 'owner', type: 'relationship', relationTo: 'users', admin: when('leadOwner') },
        { name: 'form', type: 'relationship', relationTo: 'forms', admin: when('form') },
        { name: 'since', type: 'date', admin: when('since') },
        { name: 'above', type: 'number', admin: when('points') },
      ],
    },
  ],
}
