import type { Payload } from 'payload'

/**
 * The titles of campaign links by code, for naming the funnel's link rows; a code whose link was
 * deleted keeps its rows, named by the code alone.
 * @example await linkTitles(payload, ['spring-poster']) // Map { 'spring-poster' => 'Spring poster' }
 */
export async function linkTitles(payload: Payload, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'campaign-links',
    where: { code: { in: codes } },
    select: { code: true, title: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return new Map(docs.filter((link) => link.code).map((link) => [link.code as string, link.title]))
}
