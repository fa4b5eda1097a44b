import { escapeHtml } from '../content/rich-text'

const WORDS = {
  'zh-CN': {
    subject: (title: string) => `您的下载：${title}`,
    hello: (name: string) => (name ? `${name}，您好：` : '您好：'),
    body: '感谢您的关注。点击下面的链接下载：',
    valid: '链接七天内有效。',
    button: '下载 PDF',
  },
  en: {
    subject: (title: string) => `Your download: ${title}`,
    hello: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    body: 'Thank you for your interest. Download it here:',
    valid: 'The link works for seven days.',
    button: 'Download the PDF',
  },
} as const

/**
 * The email that sends a content offer's link, in the visitor's language (English for any other).
 * @example renderDownloadEmail({ locale: 'en', name: 'Ada', title: 'White paper', url }).subject // 'Your download: White paper'
 */
export function renderDownloadEmail({ locale, name, title, url }: { locale: string; name: string; title: string; url: string }): {
  subject: string
  html: string
  text: string
} {
  const words = WORDS[locale as keyof typeof WORDS] ?? WORDS.en
  // A line break in a subject would start a new mail header.
  const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim()
  const subject = oneLine(words.subject(oneLine(title)))
  const hello = words.hello(oneLine(name))
  const text = `${hello}\n\n${words.body}\n${url}\n\n${words.valid}`
  const link = `<a href="${escapeHtml(url)}">${escapeHtml(words.button)}</a>`
  const html = [hello, words.body].map((p) => `<p>${escapeHtml(p)}</p>`).join('') + `<p>${link}</p><p>${escapeHtml(words.valid)}</p>`
  return { subject, html, text }
}
