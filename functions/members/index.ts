export { pickLocale, type Locale, type Localized } from './locale'
export { ACCOUNT_ERRORS, AccountError, accountError, asResponse, type AccountErrorCode, type AccountErrorOptions, type AccountErrorResponse } from './account-errors'
export { MIN_UNEXPLAINED_CHARACTERS, PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH, checkPassword, type PasswordCheck, type PasswordContext, type PasswordRule } from './password-policy'
export { COMMON_PASSWORDS } from './common-passwords'
export {
  CODE_DIGITS,
  CODE_RESEND_INTERVAL_MS,
  CODE_TTL_MS,
  MAX_CODES_PER_HOUR,
  MAX_CODE_ATTEMPTS,
  generateCode,
  issueCode,
  normalizeCode,
  verifyCode,
  type CodeOptions,
  type CodeOutcome,
  type CodePurpose,
  type CodeRecord,
  type IssueResult,
  type VerifyResult,
} from './one-time-code'
export {
  ACCOUNT_DELAY_POLICY,
  CODE_IP_POLICY,
  CODE_REQUEST_IP_POLICY,
  PASSWORD_IP_POLICY,
  accountDelayMs,
  checkDelay,
  checkWindow,
  createMemoryThrottleStore,
  createSignInGuard,
  recordDelayFailure,
  recordWindowEvent,
  type DelayPolicy,
  type DelayState,
  type GuardDecision,
  type SignInGuard,
  type ThrottleDecision,
  type ThrottleStore,
  type WindowPolicy,
  type WindowState,
} from './throttle'
export { throttleAddress } from './throttle-address'
export { isSameOrigin, normalizeOrigin, originHeaders, type OriginHeaders } from './csrf'
export {
  DEFAULT_EARNINGS,
  MAX_POINTS_PER_ENTRY,
  REFERRAL_DAILY_CAP,
  balanceOf,
  planEntry,
  summarizeLedger,
  tierFor,
  tierPointsOf,
  type LedgerSummary,
  type PlanResult,
  type PointsEntry,
  type PointsKind,
  type PointsReason,
  type PointsRequest,
  type Tier,
} from './points'
export { REFERRAL_ALPHABET, REFERRAL_CODE_LENGTH, formatReferralCode, generateReferralCode, isReferralCode, normalizeReferralCode, referralPath } from './referral-code'
export {
  CONSENT_SOURCES,
  NEWSLETTER,
  currentConsents,
  isSubscribed,
  listUnsubscribeHeaders,
  planConsentChanges,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
  type ConsentChangeResult,
  type ConsentEntry,
  type ConsentSource,
  type ConsentState,
  type UnsubscribeGrant,
} from './consent-log'
export { PROFILE_LIMITS, cleanProfileText, validateProfile, type Profile, type ProfileField, type ProfileResult } from './profile'
export { idOf, type Id, type LeadRecord, type MemberRecord, type SubmissionRecord, type TouchRecord } from './records'
export { auditEntry, type AuditAction, type AuditEntry } from './audit'
export { EXPORT_SCHEMA, EXPORT_VERSION, buildMemberExport, exportAuditEntry, exportFilename, exportTouch, type ExportSources, type ExportedTouch, type MemberExport } from './data-export'
export { ERASURE_COLLECTIONS, anonymiseTouch, erasurePlan, type ErasurePlan, type ErasureSources } from './erasure-plan'
export { DUMMY_HASH, SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from './password-hash'
export { MEMBER_COOKIE, SESSION_TOUCH_MS, SESSION_TTL_MS, clearedSessionCookie, hashSessionToken, isSessionToken, newSessionToken, sessionCookie, shortUserAgent } from './session-token'
export { gateFor, isPublicVisibility, type GateDecision, type Visibility } from './gate'
export { renderCodeEmail } from './code-email'
export { requestStatus, requestStatusLabel, type RequestStatus } from './request-status'
