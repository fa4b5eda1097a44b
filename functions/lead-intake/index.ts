export { isUploadedFile, safeFilename, sniffFile, type UploadedFile } from './files'
export * from './form-definition'
export { fillHiddenFields } from './hidden-fields'
export {
  acceptSubmission,
  type IntakeRequest,
  type IntakeResult,
  type IntakeStore,
  type LeadRef,
  type NewLead,
  type Notification,
  type SubmissionRecord,
  type Touch,
} from './intake'
export { messagesFor } from './messages'
export { isEmail, normalizeEmail, normalizePhone } from './normalize'
export { createRateLimiter, type RateDecision, type RateLimiter } from './rate-limit'
export { routeLead, type RoutingRule } from './routing'
export { scoreSpam, SPAM_THRESHOLD } from './spam'
export { type AcceptedFile, HARD_MAX_LENGTH, validateSubmission, type ValidationResult } from './validate-submission'
