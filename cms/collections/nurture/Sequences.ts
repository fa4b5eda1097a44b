import type { CollectionConfig } from 'payload'

import { DELAY_UNITS, SEQUENCE_TRIGGERS } from '../../../functions/nurture/sequences'
import { canManageNurture, canWorkLeads } from '../../access/roles'
import { rescheduleAfterEdit } from '../../nurture/reschedule'
import { sequenceStatsEndpoint } from '../../nurture/stats'

const TRIGGER_LABELS: Record<(typeof SEQUENCE_TRIGGERS)[number], { en: string; zh: string }> = {
  'form-submitted': { en: 'A form is submitted (a lead from a form)', zh: '提交表单（来自表单的线索）' },
  'member-signed-up': { en: 'A member signs up', zh: '会员注册' },
  'topic-subscribed': { en: 'A topic is subscribed', zh: '订阅主题' },
  'score-crossed': { en: 'The score crosses the threshold', zh: '分数越过阈值' },
  'tag-added': { en: 'A tag is added to the lead', zh: '线索被添加标签' },
}

/** Emails sent one after another with delays, from a trigger until the person converts or leaves. */
export const Sequences: CollectionConfig = {
  slug: 'sequences',
  labels: { singular: { en: 'Sequence', zh: '自动序列' }, plural: { en: 'Sequences', zh: '自动序列' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'trigger', 'active', 'updatedAt'],
    group: { en: 'Reach', zh: '触达' },
    description: {
      en:
        'People enter when the trigger happens, once at a time (again after finishing only with “may enter again”). ' +
        'Each step waits its delay after the previous one. They leave when sales mark the lead contacted, won or lost, ' +
        'or when they unsubscribe. Editing a running sequence: changed delays and texts apply to everyone still waiting; ' +
        'a deleted step is skipped; nobody gets a step twice. Unticking “active” pauses everyone where they are.',
      zh:
        '触发时进入序列，同一时间只会在其中一次（勾选“可再次进入”后，' +
        '结束后可再次进入）。每一步在上一步之后等待设定的延迟。' +
        '销售将线索标为已联系、赢单或丢单，或退订时，即退出。编辑运行中的序列：' +
        '修改的延迟和文案对所有仍在等待的人生效；' +
        '删除的步骤会被跳过；任何人都不会收到同一步两次。取消“启用”会让所有人原地暂停。',
    },
  },
  access: { read: canWorkLeads, create: canManageNurture, update: canManageNurture, delete: canManageNurture },
  hooks: { afterChange: [rescheduleAfterEdit] },
  endpoints: [sequenceStatsEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'active', type: 'checkbox', defaultValue: true },
    {
      name: 'trigger',
      type: 'select',
      required: true,
      options: SEQUENCE_TRIGGERS.map((value) => ({ value, label: TRIGGER_LABELS[value] })),
    },
    {
      name: 'form',
      type: 'relationship',
      relationTo: 'forms',
      admin: {
        condition: (_, s) => s?.trigger === 'form-submitted',
        description: { en: 'Empty: any form.', zh: '留空：任意表单。' },
      },
    },
    {
      name: 'topic',
      type: 'text',
      admin: {
        condition: (_, s) => s?.trigger === 'topic-subscribed',
        description: { en: 'The topic’s slug; empty: any topic.', zh: '主题的 slug；留空：任意主题。' },
      },
    },
    {
      name: 'tag',
      type: 'text',
      admin: { condition: (_, s) => s?.trigger === 'tag-added', description: { en: 'Empty: any tag.', zh: '留空：任意标签。' } },
    },
    {
      name: 'reenter',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'May enter again after finishing or leaving', zh: '结束或退出后可再次进入' },
    },
    {
      name: 'steps',
      type: 'array',
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'delay', type: 'number', required: true, min: 0, defaultValue: 0 },
            {
              name: 'unit',
              type: 'select',
              required: true,
              defaultValue: 'days',
              options: Object.keys(DELAY_UNITS).map((value) => ({ value, label: value })),
            },
          ],
        },
        {
          name: 'subject',
          type: 'text',
          required: true,
          localized: true,
          admin: {
            description: {
              en: '{name} or {name|friend} is replaced by the person’s name.',
              zh: '{name} 或 {name|朋友} 会替换为对方的名字。',
            },
          },
        },
        {
          name: 'body',
          type: 'textarea',
          required: true,
          localized: true,
          admin: {
            description: { en: 'Plain text; links are tracked through the site.', zh: '纯文本；链接通过网站跟踪点击。' },
          },
        },
      ],
    },
  ],
}
