import { escapeXml } from './xml'

/** The Atom namespace, for the feed's `<atom:link rel="self">`. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom'

/** One post in a feed; URLs absolute. */
export interface FeedItem {
  title: string
  link: string
  description?: string | null
  publishedAt?: string | Date | null
  categories?: string[]
}

/** A feed's channel; URLs absolute. */
export interface FeedChannel {
  title: string
  /** The site (or blog) the feed is of. */
  link: string
  description: string
  /** The content locale, e.g. zh-CN; written as RSS expects (zh-cn). */
  language: string
  /** Where this feed itself is served. */
  selfUrl: string
  items: FeedItem[]
}

/**
 * A date as RFC 822 wants it in RSS (`Tue, 03 Mar 2026 08:00:00 GMT`), or null when unreadable.
 * @example rfc822(new Date('2026-03-03T08:00:00Z')) // 'Tue, 03 Mar 2026 08:00:00 GMT'
 */
export function rfc822(value: string | Date | null | undefined): string | null {
  if (value == null || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toUTCString()
}

/**
 * An RSS 2.0 feed: channel with title, link, description, language and atom:link self; items
 * with guid (the permalink), pubDate and description. Every value is XML-escaped.
 */
export function rssXml(channel: FeedChannel): string {
  const newest = channel.items.map((i) => rfc822(i.publishedAt)).find(Boolean)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" xmlns:atom="${ATOM_NS}">`,
    '<channel>',
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.link)}</link>`,
    `<description>${escapeXml(channel.description)}</description>`,
    `<language>${escapeXml(channel.language.toLowerCase())}</language>`,
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ]
  if (newest) lines.push(`<lastBuildDate>${newest}</lastBuildDate>`)
  for (const item of channel.items) {
    lines.push(
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
    )
    const pubDate = rfc822(item.publishedAt)
    if (pubDate) lines.push(`<pubDate>${pubDate}</pubDate>`)
    if (item.description) lines.push(`<description>${escapeXml(item.description)}</description>`)
    for (const category of item.categories ?? []) lines.push(`<category>${escapeXml(category)}</category>`)
    lines.push('</item>')
  }
  lines.push('</channel>', '</rss>', '')
  return lines.join('\n')
}
