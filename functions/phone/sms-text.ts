import type { Locale } from '../members/locale'
import { CODE_TTL_MS } from '../members/one-time-code'

/** One text with a code: what the provider's template fills in, and the whole text as it reads (the Outbox keeps that). */
export interface CodeText {
  /** The template's parameters in order: the code, then its lifetime in minutes. */
  params: [string, string]
  text: string
}

/**
 * The sign-in text for a code. Mainland providers send only approved templates with a signature
 * (【品牌】) in front; this is the wording to register, and what the Outbox shows without a provider.
 * @example renderCodeText({ code: '048213', brand: '灯塔', locale: 'zh-CN' }).text
 *   // '【灯塔】您的登录验证码是 048213，10 分钟内有效。请勿告诉他人。'
 */
export function renderCodeText({ code, brand, locale }: { code: string; brand: string; locale: Locale }): CodeText {
  const minutes = String(Math.round(CODE_TTL_MS / 60_000))
  const sign = brand ? `【${brand}】` : ''
  const text =
    locale === 'zh-CN'
      ? `${sign}您的登录验证码是 ${code}，${minutes} 分钟内有效。请勿告诉他人。`
      : `${sign}Your sign-in code is ${code}. It works for ${minutes} minutes. Do not share it.`
  return { params: [code, minutes], text }
}

/** What sends a text: a provider behind its SDK, or the Outbox. Throws when the provider refuses, so the job retries. */
export interface SmsSender {
  readonly name: string
  send(message: { to: string; params: CodeText['params']; text: string }): Promise<{ id: string }>
}
