import type { Payload } from 'payload'

import type { SmsSender } from '../../functions/phone/sms-text'
import { tencentSmsConfig, tencentSmsSender } from './tencent'

/** Without provider credentials a text is kept in the Outbox (kind `sms`), as mail is without RESEND_API_KEY. */
export function outboxSmsSender(payload: Payload): SmsSender {
  return {
    name: 'outbox',
    async send({ to, text }) {
      const doc = await payload.create({ collection: 'outbox', data: { kind: 'sms', to, subject: 'SMS', text }, overrideAccess: true })
      return { id: `outbox-${doc.id}` }
    },
  }
}

/** The sender this install uses: Tencent Cloud SMS when TENCENT_SMS_* are set, the Outbox otherwise. */
export function smsSenderFor(payload: Payload, env: NodeJS.ProcessEnv = process.env): SmsSender {
  const config = tencentSmsConfig(env)
  return config ? tencentSmsSender(config) : outboxSmsSender(payload)
}
