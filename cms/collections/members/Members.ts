import type { CollectionConfig } from 'payload'

import { LOCALES } from '../../../functions/content/locales'
import { membersDataReader } from '../../access/members'
import { isAdmin, nobody } from '../../access/roles'
import { exportSubscribersEndpoint, importSubscribersEndpoint } from '../../members/subscriber-io'

/**
 * Visitors with an account on the brand site. Not a Payload auth collection: members have their
 * own sessions (member-sessions) and cookie, so no member credential can ever reach Payload's
 * auth, the admin or the REST API. Written only by the site (Local API), read by admins and sales.
 */
export const Members: CollectionConfig = {
  slug: 'members',
  labels: { singular: { en: 'Member', zh: '会员' }, plural: { en: 'Members', zh: '会员' } },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'company', 'emailVerifiedAt', 'createdAt'],
    group: { en: 'Members', zh: '会员' },
    components: { beforeListTable: ['/components/members/SubscriberFiles#SubscriberFiles'] },
  },
  endpoints: [importSubscribersEndpoint, exportSubscribersEndpoint],
  access: { create: nobody, read: membersDataReader, update: nobody, delete: nobody, readVersions: isAdmin },
  fields: [
    { name: 'email', type: 'email', required: true, unique: true, index: true, admin: { readOnly: true } },
    { name: 'emailVerifiedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    // scrypt parameters and salt live inside the value (functions/members/password-hash.ts); nobody reads it over the API.
    { name: 'passwordHash', type: 'text', hidden: true, access: { read: () => false, create: () => false, update: () => false } },
    { name: 'name', type: 'text', admin: { readOnly: true } },
    { name: 'company', type: 'text', admin: { readOnly: true } },
    { name: 'jobTitle', type: 'text', admin: { readOnly: true } },
    { name: 'phone', type: 'text', admin: { readOnly: true } },
    // The WeChat avatar, only when the member agreed to share it (snsapi_userinfo or the QR login).
    { name: 'avatarUrl', type: 'text', admin: { readOnly: true } },
    {
      name: 'preferredLanguage',
      type: 'select',
      options: LOCALES.map((l) => ({ label: l.label, value: l.code })),
      admin: { readOnly: true },
    },
    { name: 'interests', type: 'relationship', relationTo: 'topics', hasMany: true, admin: { readOnly: true } },
    { name: 'referralCode', type: 'text', unique: true, index: true, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'referredBy', type: 'relationship', relationTo: 'members', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', index: true, admin: { readOnly: true, position: 'sidebar' } },
    // The browser's first-party visitor id at sign-up: its touches are this member's journey.
    { name: 'visitor', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'firstTouch', type: 'json', admin: { readOnly: true } },
    { name: 'lastTouch', type: 'json', admin: { readOnly: true } },
    // Set when an erasure starts: the member can no longer sign in, and an interrupted erasure can be finished.
    { name: 'erasedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
  ],
}
