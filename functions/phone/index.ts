// Phone sign-in and texts (issue 17): numbers, the cost policy of texts and the text of a code.
export { hasMailbox, NO_MAILBOX_DOMAIN, placeholderEmail } from './mailbox'
export {
  allowedCountryCodes,
  DEFAULT_COUNTRY_CODES,
  maskPhone,
  numberPrefix,
  parsePhone,
  type PhoneNumber,
  type PhoneRefusal,
} from './phone-number'
export {
  budgetDay,
  createSmsGuard,
  DEFAULT_DAILY_BUDGET,
  SMS_ADDRESS_POLICY,
  SMS_NUMBER_POLICY,
  SMS_PREFIX_POLICY,
  type SmsDecision,
  type SmsGuard,
} from './sms-guard'
export { type CodeText, renderCodeText, type SmsSender } from './sms-text'
