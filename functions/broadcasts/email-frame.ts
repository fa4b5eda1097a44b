import { escapeHtml } from '../content/rich-text'
import { type ThemeName, THEMES } from '../content/themes'

/**
 * How a theme looks in an email. Mail clients ignore stylesheets and most of CSS, so each theme's
 * tokens (themes/<name>/tokens.css) are restated here as the few values inline styles can carry.
 */
interface EmailLook {
  font: string
  headingFont: string
  paper: string
  ink: string
  muted: string
  line: string
  radius: string
  /** classic: the brand name on a bar of the brand's colour; editorial: a serif masthead over a rule. */
  masthead: 'bar' | 'rule'
}

const SANS = "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', Arial, sans-serif"

const LOOKS: Record<ThemeName, EmailLook> = {
  classic: {
    font: SANS,
    headingFont: SANS,
    paper: '#f7f6f3',
    ink: '#1b1b1f',
    muted: '#545461',
    line: '#e4e4ea',
    radius: '10px',
    masthead: 'bar',
  },
  editorial: {
    font: SANS,
    headingFont: "Georgia, 'Songti SC', 'STSong', 'SimSun', serif",
    paper: '#f6f1ea',
    ink: '#1d1a16',
    muted: '#5a5249',
    line: '#d9d1c5',
    radius: '2px',
    masthead: 'rule',
  },
}

/** The theme a frame uses: the one named, else the site's default theme. */
export const emailTheme = (name: string | null | undefined): ThemeName =>
  (THEMES as readonly string[]).includes(name ?? '') ? (name as ThemeName) : THEMES[0]

const HEX = /^#[0-9a-f]{6}$/i

export interface FrameParts {
  theme: string | null | undefined
  /** The site's colour (site settings); a value that is not a 6-digit hex colour is not written into the HTML. */
  brandColor: string | null | undefined
  brandName: string
  lang: string
  /** Shown by inboxes beside the subject, hidden in the email itself. */
  preheader: string | null
  /** The email's content, already escaped HTML. */
  body: string
  /** The footer (why they receive it, unsubscribe, postal address), already escaped HTML. */
  footer: string
}

/**
 * A whole email document in the theme's look: a centred 600-pixel table (what every mail client
 * lays out alike), the masthead, the body and the footer, with every style inline.
 * @example frameEmail({ theme: 'editorial', brandColor: '#c8102e', brandName: '朱砂', lang: 'zh-CN', preheader: null, body, footer })
 */
export function frameEmail(parts: FrameParts): string {
  const theme = emailTheme(parts.theme)
  const look = LOOKS[theme]
  const color = parts.brandColor && HEX.test(parts.brandColor) ? parts.brandColor : '#c8102e'
  const name = escapeHtml(parts.brandName)
  const masthead =
    look.masthead === 'bar'
      ? `<td style="background:${color};color:#ffffff;padding:16px 24px;font:600 18px ` +
        `${look.headingFont};border-radius:${look.radius} ${look.radius} 0 0">${name}</td>`
      : `<td style="padding:24px 24px 12px;text-align:center;font:700 26px ${look.headingFont};color:${look.ink};border-bottom:2px ` +
        `solid ${look.ink}">${name}</td>`
  const preheader = parts.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">${escapeHtml(parts.preheader)}</div>`
    : ''
  return (
    `<!doctype html><html lang="${escapeHtml(parts.lang)}"><head><meta charset="utf-8"><meta name="viewport" ` +
    `content="width=device-width">` +
    `<meta name="x-email-theme" content="${theme}"></head>` +
    `<body style="margin:0;padding:0;background:${look.paper}">${preheader}` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${look.paper}"><tr>` +
    `<td align="center" style="padding:24px 12px">` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;` +
    `border:1px solid ${look.line};border-radius:${look.radius}">` +
    `<tr>${masthead}</tr>` +
    `<tr><td style="padding:24px;font:16px/1.6 ${look.font};color:${look.ink}">${parts.body}</td></tr>` +
    `<tr><td style="padding:16px 24px;border-top:1px solid ${look.line};font:12px/1.5 ${look.font};color:${look.muted}">` +
    `${parts.footer}</td></tr>` +
    `</table></td></tr></table></body></html>`
  )
}
