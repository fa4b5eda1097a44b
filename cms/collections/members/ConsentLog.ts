import { type CollectionBeforeValidateHook, type CollectionConfig, ValidationError } from 'payload'

import { CONSENT_SOURCES } from '../../../functions/members/consent-log'
import { membersDataReader } from '../../access/members'
import { nobody } from '../../access/roles'

/** Each entry is one person's: a member's or a lead's, never both or neither. */
const exactlyOnePerson: CollectionBeforeValidateHook = ({ data }) => {
  if (!data?.member === !data?.lead)
    throw new ValidationError({ errors: [{ path: 'member', message: 'A consent entry names a member or a lead, exactly one.' }] })
  return data
}

/**
 * Every subscription change of every member and newsletter subscriber, appended by the site and never
 * edited (functions/members consent-log).
 */
export const ConsentLog: CollectionConfig = {
  slug: 'consent-log',
  labels: { singular: { en: 'Consent entry', zh: '订阅记录' }, plural: { en: 'Consent log', zh: '订阅记录' } },
  admin: { defaultColumns: ['member', 'topic', 'subscribed', 'source', 'at'], group: { en: 'Members', zh: '会员' } },
  access: { create: nobody, read: membersDataReader, update: nobody, delete: nobody },
  timestamps: false,
  // A person's latest choice on a topic, found by one index step for each person a segment counts.
  indexes: [{ fields: ['member', 'topic', 'at'] }, { fields: ['lead', 'topic', 'at'] }],
  hooks: { beforeValidate: [exactlyOnePerson] },
  fields: [
    // A member's change, or a lead's: a visitor who is not a member and confirmed the newsletter by email.
    { name: 'member', type: 'relationship', relationTo: 'members', index: true, admin: { readOnly: true } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', index: true, admin: { readOnly: true } },
    { name: 'topic', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'subscribed', type: 'checkbox', required: true, admin: { readOnly: true } },
    {
      name: 'source',
      type: 'select',
      required: true,
      options: [...CONSENT_SOURCES],
      admin: { readOnly: true },
    },
    { name: 'at', type: 'date', required: true, index: true, admin: { readOnly: true } },
    // Where consent was given when it was given elsewhere: an import's description.
    { name: 'note', type: 'text', admin: { readOnly: true } },
  ],
}
