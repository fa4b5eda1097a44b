/** An external contact event as 企业微信 reports it (Event `change_external_contact`). */
export interface ContactEvent {
  event: string
  changeType: string
  /** The staff member who was added (企业微信 UserID). */
  userId: string
  externalUserId: string
  /** The `state` of the live code that was scanned, if any. */
  state: string | null
  createTime: number
}

/** One element's text in a flat 企业微信 XML message, CDATA or plain; null when absent. */
export function xmlField(xml: string, name: string): string | null {
  if (!/^[A-Za-z]+$/.test(name)) return null
  const match = new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${name}>`).exec(xml)
  if (!match) return null
  return match[1] ?? match[2] ?? null
}

/**
 * The contact event in a decrypted callback message, or null for any other message.
 * @example readContactEvent('<xml><Event><![CDATA[change_external_contact]]></Event>…</xml>')
 */
export function readContactEvent(xml: string): ContactEvent | null {
  const event = xmlField(xml, 'Event')
  const changeType = xmlField(xml, 'ChangeType')
  const userId = xmlField(xml, 'UserID')
  const externalUserId = xmlField(xml, 'ExternalUserID')
  if (event !== 'change_external_contact' || !changeType || !userId || !externalUserId) return null
  const createTime = Number(xmlField(xml, 'CreateTime'))
  return {
    event,
    changeType,
    userId,
    externalUserId,
    state: xmlField(xml, 'State') || null,
    createTime: Number.isFinite(createTime) ? createTime : 0,
  }
}
