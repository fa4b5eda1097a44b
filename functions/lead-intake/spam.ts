/** Score at or above which a submission goes to the spam folder (stored, never emailed). */
export const SPAM_THRESHOLD = 50

const PATTERNS = [/casino/i, /viagra/i, /crypto\s*airdrop/i, /backlinks?/i, /\bseo\s+services?\b/i, /代开发票/, /博彩/, /刷单/, /porn/i]

export interface SpamInput {
  /** Every submitted text value. */
  texts: string[]
  /** The hidden field people never see; bots fill it. */
  honeypot: string
  /** Milliseconds between the form being rendered and submitted, or null when unknown. */
  elapsedMs: number | null
  minSecondsToSubmit: number
  /** The same person (email or phone) submitted more often than the rate limit allows. */
  tooFrequent?: boolean
}

/**
 * Scores how likely a submission is spam, with the reasons; likely spam is kept for an admin to review.
 * @example scoreSpam({ texts: ['hi'], honeypot: '', elapsedMs: 8000, minSecondsToSubmit: 3 }) // { score: 0, reasons: [], isSpam: false }
 */
export function scoreSpam({ texts, honeypot, elapsedMs, minSecondsToSubmit, tooFrequent = false }: SpamInput): {
  score: number
  reasons: string[]
  isSpam: boolean
} {
  const reasons: string[] = []
  let score = 0
  if (honeypot.trim() !== '') {
    score += 100
    reasons.push('honeypot filled')
  }
  if (elapsedMs !== null && elapsedMs < minSecondsToSubmit * 1000) {
    score += 60
    reasons.push('submitted too fast')
  }
  if (tooFrequent) {
    score += 60
    reasons.push('too many submissions from this person')
  }
  const joined = texts.join('\n')
  const links = (joined.match(/https?:\/\/|www\./gi) ?? []).length
  if (links > 2) {
    score += Math.min(20 * (links - 2), 60)
    reasons.push(`${links} links`)
  }
  const matched = PATTERNS.filter((p) => p.test(joined)).length
  if (matched) {
    score += 30 * matched
    reasons.push('known spam phrases')
  }
  score = Math.min(score, 100)
  return { score, reasons, isSpam: score >= SPAM_THRESHOLD }
}
