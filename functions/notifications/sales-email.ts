import { escapeHtml } from '../content/rich-text'

export interface SalesEmailInput {
  formName: string
  person: { name?: string | null; email?: string | null; phone?: string | null }
  fields: { label: string; value: string }[]
  touch: { channel?: string | null; campaign?: string | null; landingPage?: string | null; referrer?: string | null } | null
  /** First and last touch in words (functions/attribution describeTouches), in the recipient's language. */
  journey?: string | null
  score: number
  adminUrl: string
  locale: string
}

const words = {
  'zh-CN': {
    newLead: '新线索',
    from: '来源',
    channel: '渠道',
    campaign: '活动',
    landing: '落地页',
    referrer: '来源网址',
    journey: '访问路径',
    score: '评分',
    open: '在 CMS 中查看线索',
    unknown: '未知',
    field: '字段',
    value: '内容',
  },
  en: {
    newLead: 'New lead',
    from: 'Where they came from',
    channel: 'Channel',
    campaign: 'Campaign',
    landing: 'Landing page',
    referrer: 'Referrer',
    journey: 'Journey',
    score: 'Score',
    open: 'Open the lead in the CMS',
    unknown: 'unknown',
    field: 'Field',
    value: 'Value',
  },
}

/**
 * The email a sales person gets for a new lead: every field, where the person came from, the
 * score and a link to the lead; every value escaped. Reply-To is the person's email.
 */
export function renderSalesEmail(input: SalesEmailInput): { subject: string; html: string; text: string; replyTo?: string } {
  const w = (words as Record<string, (typeof words)['en']>)[input.locale] ?? words.en
  const who = input.person.name || input.person.email || input.person.phone || w.unknown
  const subject = `${w.newLead}: ${input.formName} – ${who}`.replace(/[\r\n]+/g, ' ')
  const origin: [string, string][] = [
    ...(input.journey ? [[w.journey, input.journey] as [string, string]] : []),
    [w.channel, input.touch?.channel || w.unknown],
    [w.campaign, input.touch?.campaign || '–'],
    [w.landing, input.touch?.landingPage || '–'],
    [w.referrer, input.touch?.referrer || '–'],
  ]
  const rows = (pairs: [string, string][]) =>
    pairs
      .map(
        ([k, v]) =>
          `<tr><th align="left" style="padding:4px 12px 4px 0">${escapeHtml(k)}</th><td style="padding:4px 0">` +
          `${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`,
      )
      .join('')
  const html = [
    `<h1 style="font-size:18px">${escapeHtml(subject)}</h1>`,
    `<table>${rows(input.fields.map((f) => [f.label, f.value]))}</table>`,
    `<h2 style="font-size:16px">${escapeHtml(w.from)}</h2><table>${rows(origin)}</table>`,
    `<p>${escapeHtml(w.score)}: ${Number(input.score)}</p>`,
    `<p><a href="${escapeHtml(input.adminUrl)}">${escapeHtml(w.open)}</a></p>`,
  ].join('\n')
  const text = [
    subject,
    '',
    ...input.fields.map((f) => `${f.label}: ${f.value}`),
    '',
    `${w.from}:`,
    ...origin.map(([k, v]) => `  ${k}: ${v}`),
    '',
    `${w.score}: ${Number(input.score)}`,
    `${w.open}: ${input.adminUrl}`,
  ].join('\n')
  return { subject, html, text, replyTo: input.person.email ?? undefined }
}
