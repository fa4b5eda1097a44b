import type { PayloadRequest } from 'payload'

import { serialize } from '../../functions/concurrency/serialize'
import type { User } from '../payload-types'

/** The sales user a lead was handed to, as the sales email needs them. */
export interface TeamMember {
  id: User['id']
  email: string
  language: string | null
}

/**
 * Hands a lead to a team's next member: the member at `turn % members.length`; advances the turn
 * and makes that member the lead's owner when it has none. Null when the team has no members.
 */
export async function assignTeamMember(req: PayloadRequest, teamId: number | string, leadId: number | string): Promise<TeamMember | null> {
  const member = await serialize(`team:${teamId}`, async () => {
    const team = await req.payload.findByID({ collection: 'teams', id: teamId, depth: 0 })
    const members = (team.members ?? []).map((m) => (typeof m === 'object' ? m.id : m))
    if (members.length === 0) return null
    const turn = Math.max(0, Math.trunc(team.turn ?? 0))
    await req.payload.update({ collection: 'teams', id: teamId, data: { turn: turn + 1 }, depth: 0, overrideAccess: true })
    const user = await req.payload.findByID({ collection: 'users', id: members[turn % members.length]!, depth: 0 })
    return { id: user.id, email: user.email, language: user.language ?? null }
  })
  if (member) {
    await serialize(`lead:${leadId}`, async () => {
      const lead = await req.payload.findByID({ collection: 'leads', id: leadId, depth: 0, joins: false })
      if (!lead.owner)
        await req.payload.update({ collection: 'leads', id: leadId, data: { owner: member.id }, depth: 0, overrideAccess: true })
    })
  }
  return member
}
