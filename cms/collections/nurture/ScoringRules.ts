import type { CollectionConfig } from 'payload'

import { type SCORING_EVENTS } from '../../../functions/nurture/scoring'
import { canManageNurture, canWorkLeads } from '../../access/roles'

/** Points for what known people do; a lead's score is the sum, each change with its reason. */
export const ScoringRules: CollectionConfig = {
  slug: 'scoring-rules',
  labels: { singular: { en: 'Scoring rule', zh: '评分规则' }, plural: { en: 'Scoring rules', zh: '评分规则' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'event', 'points', 'active'],
    group: { en: 'Reach', zh: '触达' },
    description: {
      en:
        'Each matching event adds its points to the lead’s score (negative points take some away). ' +
        'The threshold that qualifies a lead is in Scoring settings.',
      zh: '每个匹配的事件为线索加分（负分扣分）。合格阈值见“评分设置”。',
    },
  },
  access: { read: canWorkLeads, create: canManageNurture, update: canManageNurture, delete: canManageNurture },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'active', type: 'checkbox', defaultValue: true },
    {
      name: 'event',
      type: 'select',
      required: true,
      options: [
        { value: 'page-view', label: { en: 'Page view (of a path or a category)', zh: '页面浏览（路径或分类）' } },
        { value: 'form-submitted', label: { en: 'Form submitted', zh: '提交表单' } },
        { value: 'download', label: { en: 'Download', zh: '下载' } },
        { value: 'email-click', label: { en: 'Email link clicked', zh: '点击邮件链接' } },
        { value: 'visits', label: { en: 'Visits within days', zh: '若干天内的访问次数' } },
        { value: 'member-signed-up', label: { en: 'Signed up as a member', zh: '注册会员' } },
      ] satisfies { value: (typeof SCORING_EVENTS)[number]; label: unknown }[],
    },
    {
      name: 'path',
      type: 'text',
      admin: {
        condition: (_, s) => s?.event === 'page-view',
        description: {
          en: 'A path such as /pricing, or a prefix ending in * such as /blog/*. Empty: any page.',
          zh: '如 /pricing 的路径，或以 * 结尾的前缀如 /blog/*。留空：任意页面。',
        },
      },
    },
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      admin: {
        condition: (_, s) => s?.event === 'page-view',
        description: { en: 'Only pages in this category.', zh: '仅限该分类的页面。' },
      },
    },
    {
      name: 'form',
      type: 'relationship',
      relationTo: 'forms',
      admin: {
        condition: (_, s) => s?.event === 'form-submitted' || s?.event === 'download',
        description: { en: 'Empty: any form.', zh: '留空：任意表单。' },
      },
    },
    {
      name: 'visits',
      type: 'number',
      min: 1,
      admin: {
        condition: (_, s) => s?.event === 'visits',
        description: {
          en: 'Number of visits (views more than 30 minutes apart start a new visit).',
          zh: '访问次数（相隔 30 分钟以上算新的一次访问）。',
        },
      },
    },
    { name: 'withinDays', type: 'number', min: 1, defaultValue: 30, admin: { condition: (_, s) => s?.event === 'visits' } },
    {
      name: 'points',
      type: 'number',
      required: true,
      admin: { description: { en: 'Negative to take points away (e.g. a careers page).', zh: '负数表示扣分（如招聘页）。' } },
    },
    {
      name: 'decayDays',
      type: 'number',
      min: 1,
      admin: {
        description: { en: 'Optional: the points are taken back after this many days.', zh: '可选：多少天后收回这些分数。' },
      },
    },
  ],
}
