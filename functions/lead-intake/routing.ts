/** A routing rule of a form: by a field's value, or by channel; it names a recipient or a team. */
export interface RoutingRule {
  field?: string | null
  value?: string | null
  channel?: string | null
  recipient?: string | null
  /** A team's id (or the team itself when read with depth), served in turn. */
  team?: string | number | { id: string | number } | null
}

/** Where a lead's email goes: one address, or a team whose next member takes it. */
export type Route = { recipient: string } | { team: string | number }

function matches(rule: RoutingRule, values: Record<string, unknown>, channel: string | null): boolean {
  if (rule.field) {
    const value = values[rule.field]
    const given = Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]
    return Boolean(rule.value) && given.some((v) => v.toLowerCase() === rule.value!.toLowerCase())
  }
  return Boolean(rule.channel && channel) && rule.channel!.toLowerCase() === channel!.toLowerCase()
}

/**
 * Who receives a lead's email: the first rule that matches (a field's value, case-insensitive, or
 * the channel) and names a team or a recipient (a team wins when a rule names both), otherwise
 * the form's default recipient.
 * @example routeLead([{ field: 'region', value: 'south', recipient: 'gz@x.com' }], 'sales@x.com', { region: 'South' }, null)
 *   // { recipient: 'gz@x.com' }
 * @example routeLead([{ channel: 'wechat', team: 3 }], 'sales@x.com', {}, 'wechat') // { team: 3 }
 */
export function routeLead(rules: RoutingRule[], defaultRecipient: string, values: Record<string, unknown>, channel: string | null): Route {
  for (const rule of rules) {
    if (!matches(rule, values, channel)) continue
    const team = typeof rule.team === 'object' && rule.team !== null ? rule.team.id : rule.team
    if (team !== null && team !== undefined && team !== '') return { team }
    if (rule.recipient) return { recipient: rule.recipient }
  }
  return { recipient: defaultRecipient }
}
