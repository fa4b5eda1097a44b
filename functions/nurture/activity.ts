/**
 * What a known person did, as the lead's timeline and the scoring rules see it. A page view is
 * recorded for a (consented) visitor id before anybody knows who that is; it becomes the lead's
 * when the browser submits a form or its member confirms their email.
 */
export const ACTIVITY_KINDS = [
  'page-view',
  'form-submitted',
  'download',
  'email-click',
  'email-open',
  'member-signed-up',
  'topic-subscribed',
  'tag-added',
  'score-crossed',
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export type Id = string | number

/** One row of the `lead-activity` collection. */
export interface Activity {
  id: Id
  lead: Id | null
  visitor: string | null
  kind: ActivityKind
  /** ISO time. */
  at: string
  /** Page views: the path as requested, without its query. */
  path: string | null
  /** Page views: the slugs of the page's categories. */
  categories: string[]
  /** Submissions and downloads: the form's id. */
  form: string | null
  /** What else names the event: a download's media id, a topic's slug, a tag, an email's sequence step. */
  ref: string | null
  /** The language the person used (submissions, sign-ups), for the emails of their sequences. */
  locale: string | null
}

/** An activity still to be written: the store gives it an id and, for page views, the lead its visitor belongs to. */
export type NewActivity = Omit<Activity, 'id' | 'lead'> & { lead?: Id | null }
