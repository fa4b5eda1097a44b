/** A routing rule of a form: by a field's value, or by channel. */
export interface RoutingRule {
  field?: string | null
  value?: string | null
  channel?: string | null
  recipient: string
}

/**
 * Who receives a lead's email: the first rule that matches (a field's value, case-insensitive, or
 * the channel), otherwise the form's default recipient.
 * @example routeLead([{ field: 'region', value: 'south', recipient: 'gz@x.com' }], 'sales@x.com', { region: 'South' }, null) // 'gz@x.com'
 */
export function routeLead(rules: RoutingRule[], defaultRecipient: string, values: Record<string, unknown>, channel: string | null): string {
  for (const rule of rules) {
    if (rule.field) {
      const value = values[rule.field]
      const given = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]
      if (rule.value && given.some((v) => v.toLowerCase() === rule.value!.toLowerCase())) return rule.recipient
    } else if (rule.channel && channel && rule.channel.toLowerCase() === channel.toLowerCase()) {
      return rule.recipient
    }
  }
  return defaultRecipient
}
