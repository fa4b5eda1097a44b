import type { GlobalConfig } from 'payload'

import { canManageNurture, canWorkLeads } from '../access/roles'

/** The threshold at which a lead is qualified and its owner told (once). */
export const ScoringSettings: GlobalConfig = {
  slug: 'scoring-settings',
  label: { en: 'Scoring settings', zh: '评分设置' },
  admin: { group: { en: 'Reach', zh: '触达' } },
  access: { read: canWorkLeads, update: canManageNurture },
  fields: [
    {
      name: 'threshold',
      type: 'number',
      defaultValue: 50,
      admin: {
        description: {
          en:
            'A new or contacted lead whose score reaches this is qualified, gets an owner by its form’s routing, ' +
            'and that owner gets one email. Empty: never.',
          zh: '新线索或已联系线索的分数达到该值即为“已确认”，按表单路由分配负责人，并给负责人发一封邮件。留空：不自动确认。',
        },
      },
    },
  ],
}
