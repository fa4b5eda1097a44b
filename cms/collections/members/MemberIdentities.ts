import type { CollectionConfig } from 'payload'

import { membersDataReader } from '../../access/members'
import { isAdmin, nobody } from '../../access/roles'

/**
 * The confirmed ways a member signs in besides email: a phone number proved by an SMS code, a
 * WeChat openid (per app) or unionid. `key` is unique across all members, so one number or one
 * WeChat account can never belong to two people, and a second person claiming it is refused, never merged.
 */
export const MemberIdentities: CollectionConfig = {
  slug: 'member-identities',
  labels: { singular: { en: 'Member identity', zh: '会员身份' }, plural: { en: 'Member identities', zh: '会员身份' } },
  admin: { useAsTitle: 'key', defaultColumns: ['key', 'member', 'verifiedAt'], group: { en: 'Members', zh: '会员' } },
  access: { create: nobody, read: membersDataReader, update: nobody, delete: isAdmin },
  fields: [
    // `phone:+8613800138000`, `wechat:<appid>:<openid>` or `unionid:<unionid>`.
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    { name: 'kind', type: 'select', required: true, options: ['phone', 'wechat', 'unionid'], admin: { readOnly: true } },
    { name: 'member', type: 'relationship', relationTo: 'members', index: true, admin: { readOnly: true } },
    { name: 'verifiedAt', type: 'date', required: true, admin: { readOnly: true } },
  ],
}
