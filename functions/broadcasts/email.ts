import { escapeHtml } from '../content/rich-text'
import { frameEmail } from './email-frame'
import type { Recipient } from './recipients'
import { signLeaveToken, signLinkToken } from './tokens'

/** What a broadcast says, in the recipient's language: either a body or a post sent as it is. */
export interface BroadcastContent {
  id: string
  subject: string
  preheader: string | null
  /** The body as HTML (rendered from rich text, escaped); may contain `{name}` or `{name|fallback}`. */
  bodyHtml: string | null
  post: { title: string; excerpt: string | null; url: string; imageUrl: string | null } | null
  topic: string
}

/** Where the brand is, as every bulk email must say, and how it signs. */
export interface BrandFooter {
  brandName: string
  postalAddress: string
  /** The site's theme and colour (site settings): the email is framed in the same look (email-frame.ts). */
  theme?: string | null
  brandColor?: string | null
}

/** One email ready for the provider, with its RFC 8058 headers. */
export interface BroadcastEmail {
  to: string
  subject: string
  html: string
  text: string
  headers: Record<string, string>
}

export interface RenderOptions {
  siteUrl: string
  /** The mailbox of the List-Unsubscribe mailto link. */
  unsubscribeMailbox: string
  secret: string
  locale: string
}

const FALLBACK_NAME: Record<string, string> = { en: 'there', 'zh-CN': '朋友' }
const fallbackName = (locale: string) => FALLBACK_NAME[locale] ?? 'there'
type Words = { read: string; unsubscribe: string; why: (brand: string) => string }
const ENGLISH: Words = {
  read: 'Read it on our site',
  unsubscribe: 'Unsubscribe',
  why: (brand) => `You receive this because you subscribed to ${brand}.`,
}
const WORDS: Record<string, Words> = {
  en: ENGLISH,
  'zh-CN': { read: '在网站上阅读', unsubscribe: '退订', why: (brand) => `您收到此邮件，是因为您订阅了 ${brand}。` },
}

/**
 * Puts the recipient's name where the text says `{name}` (or `{name|fallback}`), or the fallback
 * when the name is unknown. `escape` is applied to the name, never to the template.
 * @example personalise('Hi {name|friend}', null) // 'Hi friend'
 */
export function personalise(template: string, name: string | null, locale = 'en', escape: (s: string) => string = (s) => s): string {
  return template.replace(/\{name(?:\|([^}]{0,60}))?\}/g, (_, fallback: string | undefined) =>
    escape(name?.trim() || fallback || fallbackName(locale)),
  )
}

/**
 * Sends every http(s) link of the HTML through the brand's `/l/<token>` route, so a click is counted
 * for this recipient and becomes a touch; site-relative links are made absolute first.
 */
export function rewriteLinks(html: string, siteUrl: string, track: (url: string) => string): string {
  return html.replace(/href="([^"]*)"/g, (whole, href: string) => {
    const raw = href.replace(/&amp;/g, '&')
    const url = raw.startsWith('/') && !raw.startsWith('//') ? siteUrl + raw : raw
    return /^https?:\/\//i.test(url) ? `href="${escapeHtml(track(url))}"` : whole
  })
}

/** The List-Unsubscribe headers of RFC 2369 and RFC 8058: a mailto and a one-click https link. */
export function unsubscribeHeaders(mailto: string, url: string): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return { 'List-Unsubscribe': `<${mailto}>, <${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

const stripTags = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h\d|li|div)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

/**
 * What a broadcast says as HTML, before any link is tracked and without the footer: the body with
 * the name put in (`name` null: the fallback greeting) and the post's cover, excerpt and link.
 * The email and the archive's web version are both made from it.
 */
export function broadcastBodyHtml(content: BroadcastContent, name: string | null, locale: string): string {
  const words = WORDS[locale] ?? ENGLISH
  const post = content.post
    ? [
        coverImage(content.post.imageUrl),
        `<h2>${escapeHtml(content.post.title)}</h2>`,
        content.post.excerpt ? `<p>${escapeHtml(content.post.excerpt)}</p>` : '',
        `<p><a href="${escapeHtml(content.post.url)}">${words.read}</a></p>`,
      ].join('')
    : ''
  return personalise(content.bodyHtml ?? '', name, locale, escapeHtml) + post
}

/**
 * One recipient's copy of a broadcast: personalised, every link tracked, with a per-recipient
 * unsubscribe link that works signed out, the brand's postal address, and the unsubscribe headers.
 */
export function renderBroadcastEmail(
  content: BroadcastContent,
  recipient: Recipient,
  brand: BrandFooter,
  options: RenderOptions,
): BroadcastEmail {
  const words = WORDS[options.locale] ?? ENGLISH
  const track = (url: string) =>
    `${options.siteUrl}/l/${signLinkToken({ broadcast: content.id, recipient: recipient.key, url }, options.secret)}`
  const leave = signLeaveToken({ broadcast: content.id, recipient: recipient.key, topic: content.topic }, options.secret)
  const unsubscribeUrl = `${options.siteUrl}/unsubscribe?token=${leave}`
  const mailto = `mailto:${options.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${leave}`)}`
  const body = broadcastBodyHtml(content, recipient.name, options.locale)
  const footer =
    `${escapeHtml(words.why(brand.brandName))} <a href="${escapeHtml(unsubscribeUrl)}">${words.unsubscribe}</a><br>` +
    `${escapeHtml(brand.postalAddress).replace(/\n/g, '<br>')}`
  const html = frameEmail({
    theme: brand.theme,
    brandColor: brand.brandColor,
    brandName: brand.brandName,
    lang: options.locale,
    preheader: content.preheader,
    body: rewriteLinks(body, options.siteUrl, track),
    footer,
  })
  const text =
    `${stripTags(rewriteLinks(body, options.siteUrl, track).replace(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g, '$2 ($1)'))}\n\n--\n` +
    `${words.why(brand.brandName)}\n${words.unsubscribe}: ${unsubscribeUrl}\n${brand.postalAddress}`
  return {
    to: recipient.email,
    subject: personalise(content.subject, recipient.name, options.locale),
    html,
    text,
    headers: unsubscribeHeaders(mailto, unsubscribeUrl),
  }
}

function coverImage(imageUrl: string | null): string {
  return imageUrl ? `<p><img src="${escapeHtml(imageUrl)}" alt="" style="max-width:100%"></p>` : ''
}
