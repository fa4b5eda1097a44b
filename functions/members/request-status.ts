import type { Locale } from './locale'

/**
 * What a member sees of their request's progress: received, in progress, or closed; never the sales pipeline's own words (qualified, lost).
 */
export type RequestStatus = 'received' | 'in-progress' | 'closed'

const OF_LEAD: Record<string, RequestStatus> = {
  new: 'received',
  contacted: 'in-progress',
  qualified: 'in-progress',
  won: 'closed',
  lost: 'closed',
}
const LABELS: Record<RequestStatus, Record<Locale, string>> = {
  received: { 'zh-CN': '已收到', en: 'Received' },
  'in-progress': { 'zh-CN': '处理中', en: 'In progress' },
  closed: { 'zh-CN': '已完成', en: 'Closed' },
}

/**
 * The status a member may see for a lead's pipeline status; 'received' for anything unknown.
 * @example requestStatus('lost') // 'closed'
 */
export function requestStatus(leadStatus: string | null | undefined): RequestStatus {
  return (leadStatus && Object.hasOwn(OF_LEAD, leadStatus) ? OF_LEAD[leadStatus] : undefined) ?? 'received'
}

/** The status in the member's language. */
export function requestStatusLabel(status: RequestStatus, locale: Locale): string {
  return LABELS[status][locale]
}
