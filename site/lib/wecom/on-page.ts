// The codes an "Add us on WeChat" block shows (cms/blocks/AddOnWechat.ts). Campaign links are not
// for visitors to read (their advisors, notes and counts stay in the CMS): the site reads the link
// as itself and hands the theme only the two addresses it may show.
import { idOf } from '../../../cms/members/records'
import { cms } from '../cms'
import { wecomApi } from './live-code'

/** What a theme renders: the contact code's and the group code's address, each null when the link has none. */
export interface WechatCodes {
  contact: string | null
  group: string | null
}

/** The codes of the campaign link `ref` (id or populated), as `show` asks: none for an archived link or a missing one. */
export async function wechatCodesOf(ref: unknown, show: unknown): Promise<WechatCodes> {
  const id = idOf(ref)
  const none = { contact: null, group: null }
  if (id === null) return none
  const link = await (await cms()).findByID({ collection: 'campaign-links', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!link || link.status === 'archived') return none
  const wants = (kind: 'contact' | 'group') => show === kind || show === 'both' || (kind === 'contact' && !show)
  // A contact code needs 企业微信 configured and an advisor on the link; a group code a group not marked full.
  const contact = wants('contact') && wecomApi() && link.liveCodeStaff?.trim() ? `/wecom/live-code/${link.code}` : null
  const group = wants('group') && (link.groupCodes ?? []).some((g) => !g.full) ? `/wecom/group-code/${link.code}` : null
  return { contact, group }
}
