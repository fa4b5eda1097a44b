import { asLocale } from '../../functions/content/locales'
import type { ConsentEntry } from '../../functions/members/consent-log'
import type { PointsEntry, Tier } from '../../functions/members/points'
import type { Id } from '../../functions/members/records'
import type { MembersStore } from '../../functions/members/store'
import { isUniqueViolation, type MembersDb, toRelation } from './records'

/** The points ledger and the consent log (append-only), and the tiers, rewards and topics they refer to. */
export function ledgerStore({ payload, sqlite, base }: MembersDb) {
  const store = {
    async ledgerOf(member: Id): Promise<(PointsEntry & { id: Id })[]> {
      const { docs } = await payload.find({
        collection: 'points-ledger',
        where: { member: { equals: member } },
        sort: 'at',
        limit: 0,
        pagination: false,
        ...base,
      })
      return docs.map((d) => ({
        id: d.id,
        kind: d.kind,
        reason: d.reason,
        points: d.points,
        at: d.at,
        ref: d.ref,
        note: d.note ?? null,
      }))
    },
    /**
     * Appends an entry; false when (member, reason, ref) was credited already or when an entry that
     * takes points away would leave the balance below zero. The balance is checked in the database,
     * not only in this process: two site processes redeeming at once must not both spend the points.
     */
    async appendPoints(member: Id, entry: PointsEntry, note: string | null = null): Promise<boolean> {
      try {
        if (entry.points < 0 && sqlite) {
          // One statement: SQLite holds the write lock from the balance read to the insert.
          const result = await sqlite.execute({
            sql: `INSERT INTO points_ledger (member_id, kind, reason, points, ref, note, at)
                SELECT ?, ?, ?, ?, ?, ?, ? WHERE (SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE member_id = ?) + ? >= 0`,
            args: [Number(member), entry.kind, entry.reason, entry.points, entry.ref, note, entry.at, Number(member), entry.points],
          })
          return result.rowsAffected === 1
        }
        const doc = await payload.create({
          collection: 'points-ledger',
          data: { member: toRelation(member), ...entry, note },
          ...base,
          context: { ledger: 'site' },
          select: {},
        })
        if (entry.points < 0) {
          // Other adapters: write, then look. A balance below zero means a racing spend got there too,
          // and this entry is withdrawn: both may withdraw (one refused needlessly), neither overspends.
          const { docs } = await payload.find({
            collection: 'points-ledger',
            where: { member: { equals: member } },
            limit: 0,
            pagination: false,
            ...base,
            select: { points: true },
          })
          if (docs.reduce((sum, d) => sum + Number(d.points ?? 0), 0) < 0) {
            await payload.delete({ collection: 'points-ledger', id: doc.id, ...base, select: {} })
            return false
          }
        }
        return true
      } catch (error) {
        // The (member, reason, ref) index: another request credited this already.
        if (isUniqueViolation(error)) return false
        throw error
      }
    },
    async consentsOf(member: Id): Promise<(ConsentEntry & { id: Id })[]> {
      const { docs } = await payload.find({
        collection: 'consent-log',
        where: { member: { equals: member } },
        sort: 'at',
        limit: 0,
        pagination: false,
        ...base,
      })
      return docs.map((d) => ({ id: d.id, topic: d.topic, subscribed: Boolean(d.subscribed), at: d.at, source: d.source }))
    },
    async appendConsents(member: Id, entries: ConsentEntry[]): Promise<void> {
      for (const entry of entries)
        await payload.create({ collection: 'consent-log', data: { member: toRelation(member), ...entry }, ...base, select: {} })
    },
    async tiers(locale: string): Promise<(Tier & { id: Id })[]> {
      const { docs } = await payload.find({ collection: 'tiers', sort: 'minPoints', limit: 100, locale: asLocale(locale), ...base })
      return docs.map((d) => ({
        id: d.id,
        name: d.name ?? '',
        minPoints: Number(d.minPoints ?? 0),
        benefits: (d.benefits ?? []).map((b) => b.text).filter(Boolean) as string[],
      }))
    },
    async rewards(locale: string): Promise<{ id: Id; name: string; cost: number }[]> {
      const { docs } = await payload.find({
        collection: 'rewards',
        where: { active: { equals: true } },
        sort: 'cost',
        limit: 100,
        locale: asLocale(locale),
        ...base,
      })
      return docs.map((d) => ({ id: d.id, name: d.name ?? '', cost: Number(d.cost) }))
    },
    async topics(locale: string): Promise<{ id: Id; slug: string; name: string }[]> {
      const { docs } = await payload.find({ collection: 'topics', sort: 'slug', limit: 200, locale: asLocale(locale), ...base })
      return docs.map((d) => ({ id: d.id, slug: d.slug, name: d.name ?? d.slug }))
    },
  } satisfies Partial<MembersStore>
  return store
}
