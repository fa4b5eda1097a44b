// The only module of the site that talks to Payload: through its Local API, in this process,
// against the same database as the CMS (no HTTP hop to the CMS).
import type { Payload, Where } from 'payload'

import type { FieldDefinition } from '../../functions/lead-intake/form-definition'
import type { IntakeStore } from '../../functions/lead-intake/intake'
import { touchStoreFor } from '../../cms/attribution'
import { throttleStoreFor } from '../../cms/members/throttle-store'
import type { ThrottleStore } from '../../functions/members/throttle'
import { intakeStoreFor } from '../../cms/intake'
import type { TouchStore } from '../../functions/attribution/touch-recorder'
import { pageHref } from '../../functions/content/paths'
import { addRefusalCounts as storeRefusalCounts, type RefusalCount } from '../../cms/intake/counters'
import type { MediaDoc, PageDoc, PostDoc } from '../../themes/types'
import type { MembersStore } from '../../functions/members/store'
import { membersStore as membersStoreFor } from '../../cms/members/store'
import type { MemberCodeInput } from '../../cms/jobs/sendMemberCode'
import type { PhoneCodeInput } from '../../cms/jobs/sendPhoneCode'
import { identityStore, type IdentityStore } from '../../cms/members/identity-store'
import { isPublicContent, type IndexedDoc, type SiteContent } from '../../functions/seo'
import { insertActivity, linkVisitorActivity } from '../../cms/nurture'
import type { NewActivity } from '../../functions/nurture/activity'
import { contentPages, type ContentPages } from '../../functions/nurture/page-views'
import { LOCALE_CODES } from '../../functions/content/locales'
import { localePrefix } from '../../functions/content/paths'

// Outside Next, getPayload would otherwise open a socket to Next's dev reload endpoint.
process.env.DISABLE_PAYLOAD_HMR = 'true'

let instance: Promise<Payload> | null = null

/** The Payload instance of this process, initialised once. */
export function cms(): Promise<Payload> {
  instance ??= (async () => {
    const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
    return getPayload({ config })
  })()
  return instance
}

/** A CMS user allowed to see drafts, as the Local API expects it for access checks. */
export interface PreviewUser {
  id: string | number
  role: 'admin' | 'editor'
  collection: 'users'
}

/** Who reads: anonymous visitors see published content only; a preview user also sees drafts. */
interface Reader {
  locale: string
  previewUser?: PreviewUser | null
}

function readOptions({ locale, previewUser }: Reader) {
  // overrideAccess: false makes the collections' own read rules apply here as on the REST API,
  // so a visitor can never be handed a draft by a mistake in a query.
  return {
    locale: locale as 'zh-CN' | 'en',
    fallbackLocale: false as const,
    overrideAccess: false,
    user: previewUser ?? null,
    draft: Boolean(previewUser),
  }
}

/** The content stamp that page caches watch (cms/globals/ContentVersion.ts). */
export async function contentStamp(): Promise<string | null> {
  const payload = await cms()
  const doc = await payload.findGlobal({ slug: 'content-version', depth: 0 })
  return (doc as { stamp?: string | null }).stamp ?? null
}

/** Brand settings, header and footer of a locale: what every page's frame needs. */
export interface Frame {
  settings: { brandName: string; tagline?: string | null; logo?: MediaDoc | null; defaultLocale: string; theme: string; brandColor: string; attribution?: { touchesNeedConsent?: boolean | null } | null; socialAccounts?: { channel: string; handle: string; url?: string | null }[] | null }
  header: { items?: { link: { label?: string | null } & Record<string, unknown> }[] | null }
  footer: { columns?: { heading: string; links?: { link: Record<string, unknown> }[] | null }[] | null; smallPrint?: string | null }
}

const frames = new Map<string, { stamp: string | null; frame: Frame }>()

/** The frame of a locale, read once per content stamp: it changes only when content does. */
export async function frame(locale: string, stamp: string | null): Promise<Frame> {
  const known = frames.get(locale)
  if (known && known.stamp === stamp) return known.frame
  const payload = await cms()
  const options = { locale: locale as 'zh-CN' | 'en', depth: 1 }
  const [settings, header, footer] = await Promise.all([
    payload.findGlobal({ slug: 'site-settings', ...options }),
    payload.findGlobal({ slug: 'header', ...options }),
    payload.findGlobal({ slug: 'footer', ...options }),
  ])
  const value = { settings, header, footer } as unknown as Frame
  frames.set(locale, { stamp, frame: value })
  return value
}

/** The page at `path` (e.g. `home`, `solutions/retail`), or null. */
export async function findPage(path: string, reader: Reader): Promise<PageDoc | null> {
  const payload = await cms()
  const result = await payload.find({ collection: 'pages', where: { path: { equals: path } }, depth: 2, limit: 1, ...readOptions(reader) })
  return (result.docs[0] as unknown as PageDoc | undefined) ?? null
}

/** The post with `slug`, with its author's name, or null. */
export async function findPost(slug: string, reader: Reader): Promise<PostDoc | null> {
  const payload = await cms()
  const result = await payload.find({ collection: 'posts', where: { slug: { equals: slug } }, depth: 2, limit: 1, ...readOptions(reader) })
  const post = result.docs[0] as unknown as (PostDoc & { author?: unknown }) | undefined
  if (!post) return null
  return { ...post, author: await authorOf(payload, post.author) }
}

// CMS users are not readable by visitors; a post shows only its author's name, read here.
async function authorOf(payload: Payload, author: unknown): Promise<{ name?: string | null } | null> {
  const id = typeof author === 'object' && author ? (author as { id?: string | number }).id : author
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const user = await payload.findByID({ collection: 'users', id, depth: 0, select: { name: true }, disableErrors: true })
  return user ? { name: (user as { name?: string | null }).name ?? null } : null
}

/** The category with `slug`, or null. */
export async function findCategory(slug: string, reader: Reader): Promise<{ id: string | number; title: string; slug: string; description?: string | null } | null> {
  const payload = await cms()
  const result = await payload.find({ collection: 'categories', where: { slug: { equals: slug } }, depth: 0, limit: 1, ...readOptions(reader), draft: false })
  return (result.docs[0] as { id: string | number; title: string; slug: string } | undefined) ?? null
}

/** One page of posts, newest first, optionally of one category. */
export async function listPosts(
  { page, perPage, categoryId }: { page: number; perPage: number; categoryId?: string | number | null },
  reader: Reader,
): Promise<{ posts: PostDoc[]; totalPages: number }> {
  const payload = await cms()
  // A post not yet written in this locale (no title here) is not listed in it.
  const where: Where = { and: [{ title: { exists: true } }, ...(categoryId ? [{ categories: { in: [categoryId] } }] : [])] }
  const result = await payload.find({
    collection: 'posts',
    where,
    depth: 1,
    page,
    limit: perPage,
    sort: '-publishedAt',
    select: { title: true, slug: true, excerpt: true, coverImage: true, categories: true, publishedAt: true },
    ...readOptions(reader),
  })
  return { posts: result.docs as unknown as PostDoc[], totalPages: Math.max(result.totalPages, 1) }
}

/**
 * The CMS user a preview token names, if they still exist and may see drafts; null otherwise,
 * so a token outlives neither its user nor their editor role.
 */
export async function previewUser(userId: string): Promise<PreviewUser | null> {
  const payload = await cms()
  // SQLite ids are numbers, MongoDB ids strings; the token carries them as text.
  const id = /^[0-9]+$/.test(userId) ? Number(userId) : userId
  const user = (await payload.findByID({ collection: 'users', id, depth: 0, disableErrors: true })) as { id: string | number; role?: string } | null
  if (!user || (user.role !== 'admin' && user.role !== 'editor')) return null
  return { id: user.id, role: user.role, collection: 'users' }
}

/** What the site may show of a form: its fields and words, never its routing addresses. */
export interface PublicForm {
  id: number | string
  name: string
  submitLabel?: string | null
  successMessage?: string | null
  redirectPath?: string | null
  minSecondsToSubmit?: number | null
  fields: FieldDefinition[]
  /** Whether deliveries beyond the sales email are set up; never their addresses or secrets. */
  autoresponder: boolean
  webhook: boolean
}

const forms = new Map<string, { stamp: string; form: PublicForm | null }>()

/**
 * A form in a locale, read as the site itself (forms are not public over the API), or null.
 * With a content stamp it is read once per stamp: editing a form changes the stamp.
 */
export async function findForm(id: string | number, locale: string, stamp: string | null = null): Promise<PublicForm | null> {
  const key = `${id}:${locale}`
  const known = forms.get(key)
  if (stamp && known?.stamp === stamp) return known.form
  const form = await readForm(id, locale)
  if (stamp) {
    // Unknown ids are remembered too, so a flood of bad ids costs no queries; bounded all the same.
    if (forms.size > 1000) forms.clear()
    forms.set(key, { stamp, form })
  }
  return form
}

async function readForm(id: string | number, locale: string): Promise<PublicForm | null> {
  const payload = await cms()
  const form = await payload.findByID({ collection: 'forms', id, depth: 1, locale: locale as 'zh-CN' | 'en', disableErrors: true })
  if (!form) return null
  const redirect = form.redirect as { path?: string } | null | undefined
  return {
    id: form.id,
    name: form.name,
    submitLabel: form.submitLabel,
    successMessage: form.successMessage,
    redirectPath: redirect && typeof redirect === 'object' ? (redirect.path ?? null) : null,
    minSecondsToSubmit: form.minSecondsToSubmit,
    autoresponder: Boolean(form.autoresponder?.enabled),
    webhook: Boolean(form.webhook?.url),
    fields: (form.fields ?? []).map((f) => ({
      name: f.name,
      type: f.type as FieldDefinition['type'],
      label: f.label,
      required: f.required,
      minLength: f.minLength,
      maxLength: f.maxLength,
      pattern: f.pattern,
      patternMessage: f.patternMessage,
      min: f.min,
      max: f.max,
      options: (f.options ?? []).map((o) => ({ value: o.value, label: o.label })),
      consentText: f.consentText,
      fillFrom: f.fillFrom,
      maxSizeMB: f.maxSizeMB,
      accept: f.accept as FieldDefinition['accept'],
    })),
  }
}

/** Lead intake's storage on this database (cms/intake): the site writes leads and submissions as itself. */
export async function intakeStore(): Promise<IntakeStore> {
  store ??= cms().then(intakeStoreFor)
  return store
}
let store: Promise<IntakeStore> | null = null

/** Adds tallies of refused submissions to the stored counters. */
export async function addRefusalCounts(counts: RefusalCount[]): Promise<void> {
  await storeRefusalCounts(await cms(), counts)
}

/** A campaign link as the site follows it: where `/go/<code>` sends a visitor, and what the touch says. */
export interface CampaignLinkRoute {
  code: string
  archived: boolean
  /** A site path, or a full URL (checked again by safeRedirectTarget when followed). */
  target: string | null
  allowOffsite: boolean
  channel: string | null
  utm: { source?: string | null; medium?: string | null; campaign?: string | null; content?: string | null; term?: string | null }
}

/** What attribution needs from the site settings. */
export interface AttributionSettings {
  touchesNeedConsent: boolean
  /** Where archived campaign links go. */
  fallbackPath: string
  links: Map<string, CampaignLinkRoute>
}

let attribution: { stamp: string | null; value: Promise<AttributionSettings> } | null = null

/**
 * Campaign links and attribution settings, read once per content stamp: saving a link bumps the
 * stamp (cms/collections/CampaignLinks.ts), so a changed target is followed within seconds.
 */
export function attributionSettings(stamp: string | null): Promise<AttributionSettings> {
  if (attribution && attribution.stamp === stamp) return attribution.value
  const value = (async () => {
    const payload = await cms()
    const [settings, links] = await Promise.all([
      payload.findGlobal({ slug: 'site-settings', depth: 1 }),
      payload.find({ collection: 'campaign-links', limit: 0, pagination: false, depth: 1 }),
    ])
    const fallback = settings.attribution?.campaignLinkFallback
    const map = new Map<string, CampaignLinkRoute>()
    for (const link of links.docs) {
      const { target } = link
      const page = target?.kind === 'page' && target.page && typeof target.page === 'object' && target.page._status !== 'draft' && target.page.path ? pageHref(target.page.path) : null
      const post = target?.kind === 'post' && target.post && typeof target.post === 'object' && target.post.slug ? `/blog/${target.post.slug}` : null
      if (link.code) map.set(link.code, {
        code: link.code,
        archived: link.status === 'archived',
        target: page ?? post ?? (target?.kind === 'url' ? (target.url ?? null) : null),
        allowOffsite: Boolean(target?.allowOffsite),
        channel: link.channel ?? null,
        utm: link.utm ?? {},
      })
    }
    return {
      touchesNeedConsent: Boolean(settings.attribution?.touchesNeedConsent),
      fallbackPath: fallback && typeof fallback === 'object' && fallback.path ? pageHref(fallback.path) : '/',
      links: map,
    }
  })()
  // A failed read is not cached: the next request tries again.
  value.catch(() => {
    if (attribution?.value === value) attribution = null
  })
  attribution = { stamp, value }
  return value
}

let touches: Promise<TouchStore> | null = null

/** Where this site stores touches and clicks (cms/attribution). */
export function touchStore(): Promise<TouchStore> {
  touches ??= cms().then(touchStoreFor)
  return touches
}

let members: Promise<MembersStore> | null = null

/** The members wiring's storage (cms/members/store.ts): accounts, sessions, codes, points, consents. */
export function membersStore(): Promise<MembersStore> {
  members ??= cms().then(membersStoreFor)
  return members
}

/** Queues a Payload job (the code emails); the worker runs it with retries. */
export async function queueJob(task: 'sendMemberCode', input: MemberCodeInput): Promise<void> {
  const payload = await cms()
  await payload.jobs.queue({ task, input, queue: 'default' })
}

/** Queues the job that issues a phone sign-in code and texts it. */
export async function queuePhoneCode(input: PhoneCodeInput): Promise<void> {
  const payload = await cms()
  await payload.jobs.queue({ task: 'sendPhoneCode', input, queue: 'default' })
}

/** Who owns which phone number or WeChat account (member-identities). */
export async function identities(): Promise<IdentityStore> {
  return identityStore(await cms())
}

/** A page or post again, body included, for a reader the site has found entitled to it (cms/access/members.ts). */
export async function gatedBody(collection: 'pages' | 'posts', id: string | number, reader: Reader): Promise<unknown> {
  const payload = await cms()
  const doc = await payload.findByID({ collection, id, depth: 2, ...readOptions(reader), context: { gatedBody: true }, disableErrors: true })
  if (!doc) return null
  return collection === 'pages' ? (doc as { layout?: unknown }).layout : (doc as { body?: unknown }).body
}

// `visibility` is the membership work's field; it is read when the collection has it, so that
// members-only content stays out of sitemaps and feeds whether or not that work has landed.
function selectKnown(payload: Payload, collection: 'pages' | 'posts' | 'categories', fields: string[]): Record<string, true> {
  const known = new Set(payload.collections[collection].config.flattenedFields.map((f) => f.name))
  return Object.fromEntries([...fields, 'visibility'].filter((f) => known.has(f)).map((f) => [f, true]))
}

/** Reads a collection's documents as `SiteContent` wants them: every locale's title at once, published only. */
async function readIndexed(payload: Payload, collection: 'pages' | 'posts' | 'categories', fields: string[]): Promise<IndexedDoc[]> {
  const select = selectKnown(payload, collection, [...fields, 'title', 'updatedAt', '_status'])
  const result = await payload.find({
    collection,
    locale: 'all',
    depth: 0,
    pagination: false,
    select,
    // As an anonymous visitor: drafts are filtered by the collections' own read rules.
    overrideAccess: false,
    user: null,
    draft: false,
  })
  return result.docs as unknown as IndexedDoc[]
}

/** Every public page, post and category with its title per locale: what sitemaps and hreflang are built from. */
export async function siteContent(): Promise<SiteContent> {
  const payload = await cms()
  const [pages, posts, categories] = await Promise.all([
    readIndexed(payload, 'pages', ['path']),
    readIndexed(payload, 'posts', ['slug', 'publishedAt', 'categories']),
    readIndexed(payload, 'categories', ['slug']),
  ])
  return { pages, posts, categories }
}

/** Editors' redirects, read as the site itself (visitors cannot read them through the API). */
export async function redirectRules(): Promise<{ from: string; to: string; status: string; allowOffsite?: boolean | null }[]> {
  const payload = await cms()
  const result = await payload.find({ collection: 'redirects', depth: 0, pagination: false, select: { from: true, to: true, status: true, allowOffsite: true } })
  return result.docs as unknown as { from: string; to: string; status: string; allowOffsite?: boolean | null }[]
}

/** The newest public posts of a locale for its feed, with their categories' titles. */
export async function feedPosts(locale: string, limit: number): Promise<(PostDoc & { visibility?: string | null })[]> {
  const payload = await cms()
  const result = await payload.find({
    collection: 'posts',
    where: { title: { exists: true } },
    depth: 1,
    // A few more than needed: members-only posts are dropped after reading.
    limit: limit * 2,
    sort: '-publishedAt',
    select: selectKnown(payload, 'posts', ['title', 'slug', 'excerpt', 'publishedAt', 'updatedAt', 'categories']),
    ...readOptions({ locale }),
  })
  return (result.docs as unknown as (PostDoc & { visibility?: string | null })[]).filter(isPublicContent).slice(0, limit)
}

let throttles: Promise<ThrottleStore> | null = null

/** The brute-force counters every site process on this database shares (cms/members/throttle-store.ts). */
export function throttleStore(): Promise<ThrottleStore> {
  throttles ??= cms().then(throttleStoreFor)
  return throttles
}

/** Follows a broadcast's tracked link (cms/broadcasts/follow.ts): where to go, or null for a bad token. */
export async function followBroadcastLink(token: string, visitor: string | null): Promise<string | null> {
  const [{ followLink }, { payloadSecret }] = await Promise.all([import('../../cms/broadcasts/follow'), import('../../cms/environment')])
  return followLink(await cms(), token, payloadSecret(), new Date(), visitor)
}

/** A broadcast's one-click unsubscribe (cms/broadcasts/follow.ts): the topic left, or null for a bad token. */
export async function leaveBroadcast(token: string): Promise<{ topic: string } | null> {
  const [{ leaveByToken }, { payloadSecret }] = await Promise.all([import('../../cms/broadcasts/follow'), import('../../cms/environment')])
  return leaveByToken(await cms(), token, payloadSecret(), new Date())
}

/** Writes activity rows of known people (page views in batches, submissions, downloads). */
export async function insertActivityRows(rows: NewActivity[]): Promise<void> {
  if (rows.length) await insertActivity(await cms(), rows)
}

/** A browser's activity that belongs to nobody yet becomes this lead's. */
export async function linkActivityToLead(visitor: string, lead: string | number): Promise<void> {
  await linkVisitorActivity(await cms(), visitor, lead)
}

let pages: { stamp: string | null; value: Promise<ContentPages> } | null = null

/**
 * The content pages by every path they answer on, with their categories: read once per content
 * stamp, so a batch of page views costs no query to find what was read. Members-only pages count
 * (a member reading them is the point); drafts do not.
 */
export function contentPagesIndex(stamp: string | null): Promise<ContentPages> {
  if (pages && pages.stamp === stamp) return pages.value
  const value = (async () => {
    const payload = await cms()
    const read = (collection: 'pages' | 'posts' | 'categories', select: Record<string, true>) =>
      payload.find({ collection, depth: 0, limit: 0, pagination: false, draft: false, where: collection === 'categories' ? {} : { _status: { equals: 'published' } }, select: select as never, overrideAccess: true })
    const [p, posts, categories] = await Promise.all([read('pages', { path: true }), read('posts', { slug: true, categories: true }), read('categories', { slug: true })])
    const prefixes = LOCALE_CODES.map(localePrefix)
    // Every path a page answers on: the root locale's and each prefixed one (`/en/blog/x`).
    const localize = (path: string) => [path, ...prefixes.map((prefix) => (path === '/' ? `/${prefix}` : `/${prefix}${path}`))]
    return contentPages({ pages: p.docs as never, posts: posts.docs as never, categories: categories.docs as never }, localize)
  })()
  value.catch(() => {
    if (pages?.value === value) pages = null
  })
  pages = { stamp, value }
  return value
}
