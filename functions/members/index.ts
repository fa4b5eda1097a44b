export {
  ACCOUNT_ERRORS,
  AccountError,
  accountError,
  type AccountErrorCode,
  type AccountErrorOptions,
  type AccountErrorResponse,
  asResponse,
} from './account-errors'
export { type AuditAction, type AuditEntry, auditEntry } from './audit'
export { renderCodeEmail } from './code-email'
export { COMMON_PASSWORDS } from './common-passwords'
export {
  CONSENT_SOURCES,
  type ConsentChangeResult,
  type ConsentEntry,
  type ConsentSource,
  type ConsentState,
  currentConsents,
  isSubscribed,
  listUnsubscribeHeaders,
  NEWSLETTER,
  planConsentChanges,
  signUnsubscribeToken,
  type UnsubscribeGrant,
  verifyUnsubscribeToken,
} from './consent-log'
export { isSameOrigin, normalizeOrigin, type OriginHeaders, originHeaders } from './csrf'
export {
  buildMemberExport,
  EXPORT_SCHEMA,
  EXPORT_VERSION,
  exportAuditEntry,
  type ExportedTouch,
  exportFilename,
  type ExportSources,
  exportTouch,
  type MemberExport,
} from './data-export'
export { anonymiseTouch, ERASURE_COLLECTIONS, type ErasurePlan, erasurePlan, type ErasureSources } from './erasure-plan'
export { type GateDecision, gateFor, isPublicVisibility, type Visibility } from './gate'
export { type Locale, type Localized, pickLocale } from './locale'
export {
  CODE_DIGITS,
  CODE_RESEND_INTERVAL_MS,
  CODE_TTL_MS,
  type CodeOptions,
  type CodeOutcome,
  type CodePurpose,
  type CodeRecord,
  generateCode,
  issueCode,
  type IssueResult,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
  normalizeCode,
  verifyCode,
  type VerifyResult,
} from './one-time-code'
export { DUMMY_HASH, hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from './password-hash'
export {
  checkPassword,
  MIN_UNEXPLAINED_CHARACTERS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MESSAGES,
  PASSWORD_MIN_LENGTH,
  type PasswordCheck,
  type PasswordContext,
  type PasswordRule,
} from './password-policy'
export {
  balanceOf,
  DEFAULT_EARNINGS,
  type LedgerSummary,
  MAX_POINTS_PER_ENTRY,
  planEntry,
  type PlanResult,
  type PointsEntry,
  type PointsKind,
  type PointsReason,
  type PointsRequest,
  REFERRAL_DAILY_CAP,
  summarizeLedger,
  type Tier,
  tierFor,
  tierPointsOf,
} from './points'
export { cleanProfileText, type Profile, PROFILE_LIMITS, type ProfileField, type ProfileResult, validateProfile } from './profile'
export { type Id, idOf, type LeadRecord, type MemberRecord, type SubmissionRecord, type TouchRecord } from './records'
export {
  formatReferralCode,
  generateReferralCode,
  isReferralCode,
  normalizeReferralCode,
  REFERRAL_ALPHABET,
  REFERRAL_CODE_LENGTH,
  referralPath,
} from './referral-code'
export { type RequestStatus, requestStatus, requestStatusLabel } from './request-status'
export {
  clearedSessionCookie,
  hashSessionToken,
  isSessionToken,
  MEMBER_COOKIE,
  newSessionToken,
  SESSION_TOUCH_MS,
  SESSION_TTL_MS,
  sessionCookie,
  shortUserAgent,
} from './session-token'
export {
  ACCOUNT_DELAY_POLICY,
  accountDelayMs,
  checkDelay,
  checkWindow,
  CODE_IP_POLICY,
  CODE_REQUEST_IP_POLICY,
  createMemoryThrottleStore,
  createSignInGuard,
  type DelayPolicy,
  type DelayState,
  type GuardDecision,
  PASSWORD_IP_POLICY,
  recordDelayFailure,
  recordWindowEvent,
  type SignInGuard,
  type ThrottleDecision,
  type ThrottleStore,
  type WindowPolicy,
  type WindowState,
} from './throttle'
export { throttleAddress } from './throttle-address'
