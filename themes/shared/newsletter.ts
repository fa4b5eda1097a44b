// The newsletter archive's data as both themes render it: words, dates and links, so themes differ in markup only.
import { localizedHref } from '../../functions/content/paths'

/** One archived issue as the site hands it to a theme. */
export interface NewsletterEntry {
  id: string
  subject: string
  preheader: string | null
  sentAt: string
}

/** The sign-up box's state: empty, refused with per-field messages, or the confirmation email sent. */
export interface NewsletterSignupState {
  state: 'form' | 'invalid' | 'sent'
  errors?: Record<string, string>
  values?: { email?: string; consent?: boolean }
}

/** Props of a theme's NewsletterView. */
export interface NewsletterViewProps {
  issues: NewsletterEntry[]
  signup: NewsletterSignupState
  locale: string
  defaultLocale: string
}

/** Props of a theme's NewsletterIssueView: the web version, its HTML made by the email's own preparation. */
export interface NewsletterIssueViewProps {
  issue: NewsletterEntry & { html: string; locale: string }
  locale: string
  defaultLocale: string
}

const STRINGS = {
  'zh-CN': {
    title: '新闻邮件',
    intro: '往期新闻邮件，可在网页上阅读。',
    none: '还没有往期新闻邮件。',
    rss: 'RSS 订阅',
    back: '全部往期',
    sentOn: '发送于',
    signupHeading: '订阅新闻邮件',
    email: '电子邮箱',
    consent: '我同意接收新闻邮件，可随时退订。',
    subscribe: '订阅',
    sent: '请查收邮件并点击确认链接，完成订阅。',
  },
  en: {
    title: 'Newsletter',
    intro: 'Past issues of our newsletter, to read on the web.',
    none: 'No issues yet.',
    rss: 'RSS feed',
    back: 'All issues',
    sentOn: 'Sent on',
    signupHeading: 'Get the newsletter',
    email: 'Email',
    consent: 'Send me the newsletter. I can unsubscribe at any time.',
    subscribe: 'Subscribe',
    sent: 'Check your inbox and follow the link in our email to confirm.',
  },
}

/** The archive's words in a locale (English for any other). */
export function newsletterStrings(locale: string) {
  return STRINGS[locale as keyof typeof STRINGS] ?? STRINGS.en
}

/** A sending date as readers of the locale write it: 2026年12月1日, 1 December 2026. */
export function sentDate(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

/** What a list view shows for each issue: subject, teaser, date and its link. */
export function archiveItems(issues: NewsletterEntry[], locale: string, defaultLocale: string) {
  return issues.map((issue) => ({
    ...issue,
    href: localizedHref(`/newsletter/${issue.id}`, locale, defaultLocale),
    date: sentDate(issue.sentAt, locale),
  }))
}

/** The links around the archive: the feed, the archive itself and the sign-up form's target. */
export function archiveLinks(locale: string, defaultLocale: string) {
  return {
    archive: localizedHref('/newsletter', locale, defaultLocale),
    rss: localizedHref('/newsletter/rss.xml', locale, defaultLocale),
  }
}
