import type { CollectionConfig } from 'payload'

import { adminOrSelf } from '../access/adminOrSelf'
import { isAdmin, isAdminField, ROLES } from '../access/roles'

/** CMS accounts: admins, editors and sales people. Members of the brand site are not users. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { en: 'User', zh: '用户' }, plural: { en: 'Users', zh: '用户' } },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'], group: { en: 'Settings', zh: '设置' } },
  auth: {
    tokenExpiration: 8 * 60 * 60,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' },
  },
  access: {
    // Every user has a role; only a user with one may open the admin panel.
    admin: ({ req }) => Boolean((req.user as { role?: string } | null)?.role),
    create: isAdmin,
    read: adminOrSelf,
    update: adminOrSelf,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: ROLES.map((value) => ({
        value,
        label: {
          admin: { en: 'Admin', zh: '管理员' },
          editor: { en: 'Editor', zh: '编辑' },
          sales: { en: 'Sales', zh: '销售' },
          'sales-manager': { en: 'Sales manager', zh: '销售经理' },
        }[value],
      })),
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'zh-CN',
      options: [
        { label: '简体中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ],
      admin: { description: { en: 'Language of the emails this user receives.', zh: '该用户接收邮件的语言。' } },
    },
  ],
}
