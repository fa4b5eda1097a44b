import { sms } from 'tencentcloud-sdk-nodejs-sms'

import type { SmsSender } from '../../functions/phone/sms-text'

/** What Tencent Cloud SMS needs: an API key pair, the SMS app, its approved signature and code template. */
export interface TencentSmsConfig {
  secretId: string
  secretKey: string
  sdkAppId: string
  signName: string
  templateId: string
  region: string
  /** `https://sms.tencentcloudapi.com` by default; the tests point it at a local stand-in. */
  endpoint: string
}

/** The config from the environment, or null when the credentials are not all set (texts then go to the Outbox). */
export function tencentSmsConfig(env: NodeJS.ProcessEnv = process.env): TencentSmsConfig | null {
  const {
    TENCENT_SMS_SECRET_ID: secretId,
    TENCENT_SMS_SECRET_KEY: secretKey,
    TENCENT_SMS_SDK_APP_ID: sdkAppId,
    TENCENT_SMS_SIGN_NAME: signName,
    TENCENT_SMS_TEMPLATE_ID: templateId,
  } = env
  if (!secretId || !secretKey || !sdkAppId || !signName || !templateId) return null
  return {
    secretId,
    secretKey,
    sdkAppId,
    signName,
    templateId,
    region: env.TENCENT_SMS_REGION || 'ap-guangzhou',
    endpoint: env.TENCENT_SMS_ENDPOINT || 'https://sms.tencentcloudapi.com',
  }
}

/** A send the provider refused; `code` is Tencent's (e.g. `LimitExceeded.PhoneNumberDailyLimit`). */
export class SmsRefused extends Error {
  override name = 'SmsRefused'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`Tencent Cloud SMS refused the text (${code}): ${message}`)
  }
}

/**
 * Texts through Tencent Cloud SMS's official SDK (SendSms, API version 2021-01-11, signed with
 * TC3-HMAC-SHA256). A refusal, for the whole request or for the one number, throws so the job retries.
 */
export function tencentSmsSender(config: TencentSmsConfig): SmsSender {
  const url = new URL(config.endpoint)
  const client = new sms.v20210111.Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region,
    profile: { httpProfile: { endpoint: url.host, protocol: `${url.protocol}//`, reqTimeout: 15 } },
  })
  return {
    name: 'tencent',
    async send({ to, params }) {
      let answer: Awaited<ReturnType<typeof client.SendSms>>
      try {
        answer = await client.SendSms({
          PhoneNumberSet: [to],
          SmsSdkAppId: config.sdkAppId,
          SignName: config.signName,
          TemplateId: config.templateId,
          TemplateParamSet: params,
        })
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string }
        throw new SmsRefused(code || 'RequestFailed', message ?? String(error))
      }
      const status = answer.SendStatusSet?.[0]
      if (!status || status.Code !== 'Ok') throw new SmsRefused(status?.Code ?? 'NoStatus', status?.Message ?? 'no status for the number')
      return { id: status.SerialNo ?? answer.RequestId ?? '' }
    },
  }
}
