import type { Payload, Where } from 'payload'

import { broadcastBodyHtml, personalise } from '../../functions/broadcasts/email'
import { loadBroadcastTexts } from './content'

/** One sent, public broadcast as the archive lists it, in the reader's language (or the one it was written in). */
export interface ArchiveEntry {
  id: string
  subject: string
  preheader: string | null
  sentAt: string
}

/** A web version: what the email said, with the generic greeting and no per-recipient links. */
export interface ArchivedIssue extends ArchiveEntry {
  html: string
  locale: string
}

/** Only what was really sent and marked public is on the site: drafts, scheduled, cancelled and private ones never. */
const ARCHIVED: Where = { and: [{ status: { equals: 'sent' } }, { public: { equals: true } }] }

type Localised = string | Record<string, string | null | undefined> | null | undefined
/** The text in `locale`, else in the default locale, else in any language it was written in. */
const pick = (value: Localised, locale: string, defaultLocale: string): string | null => {
  if (!value || typeof value === 'string') return value || null
  return value[locale] || value[defaultLocale] || Object.values(value).find(Boolean) || null
}

/** The archive of a locale: sent public broadcasts, newest first. */
export async function archiveEntries(payload: Payload, locale: string, defaultLocale: string, limit = 100): Promise<ArchiveEntry[]> {
  const { docs } = await payload.find({
    collection: 'broadcasts',
    where: ARCHIVED,
    locale: 'all',
    sort: '-sentAt',
    limit,
    depth: 0,
    overrideAccess: true,
    select: { subject: true, preheader: true, sentAt: true },
  })
  return docs.map((doc) => ({
    id: String(doc.id),
    subject: personalise(pick(doc.subject as Localised, locale, defaultLocale) ?? '', null, locale),
    preheader: pick(doc.preheader as Localised, locale, defaultLocale),
    sentAt: doc.sentAt ?? '',
  }))
}

/**
 * The web version of one archived broadcast, made by the email's own content preparation
 * (broadcastBodyHtml) for a reader whose name is unknown; null unless it is sent and public.
 */
export async function archivedIssue(payload: Payload, id: string, locale: string, siteUrl: string): Promise<ArchivedIssue | null> {
  if (!/^[0-9a-f]{1,24}$/i.test(id)) return null
  const { docs } = await payload.find({
    collection: 'broadcasts',
    where: { and: [ARCHIVED, { id: { equals: id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { sentAt: true },
  })
  const doc = docs[0]
  if (!doc) return null
  // The topic only names what an unsubscribe link leaves; the web version has none.
  const texts = await loadBroadcastTexts(payload, String(doc.id), '', siteUrl)
  const { locale: written, content } = texts.contentFor(locale)
  return {
    id: String(doc.id),
    subject: personalise(content.subject, null, written),
    preheader: content.preheader,
    sentAt: doc.sentAt ?? '',
    html: broadcastBodyHtml(content, null, written),
    locale: written,
  }
}
