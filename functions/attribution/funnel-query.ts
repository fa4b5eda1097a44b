import { FUNNEL_GROUPS, FUNNEL_MODELS, FUNNEL_SORT_KEYS, type FunnelQuery, type FunnelRange, type FunnelSort } from './funnel'

/** A funnel query the dashboard or its CSV endpoint cannot answer; `field` names the parameter. */
export class FunnelQueryError extends Error {
  readonly status = 400
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'FunnelQueryError'
  }
}

/** The days shown when no range is asked for: the last 30, today included. */
export const DEFAULT_FUNNEL_DAYS = 30

const DAY_MS = 86_400_000
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Query parameters as Next.js's searchParams, a URLSearchParams, or Payload's parsed query. */
export type FunnelParams = URLSearchParams | Record<string, unknown>

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

function dayMs(value: string, field: string): number {
  const match = DAY.exec(value)
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN
  // Date.UTC rolls 2026-02-30 over to March: a day that does not come back the same does not exist.
  if (!match || Number.isNaN(ms) || isoDay(ms) !== value)
    throw new FunnelQueryError(field, `${field} must be a date written YYYY-MM-DD, e.g. 2026-03-01.`)
  // Touch times are compared as ISO text, which orders correctly only for four-digit years.
  if (Number(match[1]) < 2000 || Number(match[1]) > 2999)
    throw new FunnelQueryError(field, `${field} must be a date between the years 2000 and 2999.`)
  return ms
}

function single(params: FunnelParams, name: string): string | undefined {
  const values = params instanceof URLSearchParams ? params.getAll(name) : ([] as unknown[]).concat(params[name] ?? [])
  if (values.length > 1) throw new FunnelQueryError(name, `${name} must be given once.`)
  const value = values[0]
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') throw new FunnelQueryError(name, `${name} must be text.`)
  return value
}

function oneOf<T extends string>(params: FunnelParams, name: string, allowed: readonly T[], fallback: T): T {
  const value = single(params, name)
  if (value === undefined) return fallback
  if (!(allowed as readonly string[]).includes(value)) throw new FunnelQueryError(name, `${name} must be one of: ${allowed.join(', ')}.`)
  return value as T
}

/**
 * The report a request asks for, with defaults for what it leaves out (the last 30 days, by
 * channel, first-touch credit, most visits first). Throws FunnelQueryError (400) for anything else.
 * @example parseFunnelQuery(new URLSearchParams('from=2026-03-01&to=2026-03-31&group=link'), new Date())
 */
export function parseFunnelQuery(params: FunnelParams, now: Date): FunnelQuery {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const toText = single(params, 'to')
  const fromText = single(params, 'from')
  const to = toText === undefined ? today : dayMs(toText, 'to')
  const from = fromText === undefined ? to - (DEFAULT_FUNNEL_DAYS - 1) * DAY_MS : dayMs(fromText, 'from')
  if (from > to) throw new FunnelQueryError('from', 'from must be on or before to.')
  const sortText = single(params, 'sort') ?? '-visits'
  const by = sortText.replace(/^-/, '')
  if (!(FUNNEL_SORT_KEYS as readonly string[]).includes(by))
    throw new FunnelQueryError('sort', `sort must be one of: ${FUNNEL_SORT_KEYS.join(', ')}, with a leading - for largest first.`)
  const sort: FunnelSort = { by: by as FunnelSort['by'], dir: sortText.startsWith('-') ? 'desc' : 'asc' }
  return {
    range: { from: isoDay(from), to: isoDay(to) },
    group: oneOf(params, 'group', FUNNEL_GROUPS, 'channel'),
    model: oneOf(params, 'model', FUNNEL_MODELS, 'first'),
    sort,
  }
}

/**
 * The query as URL parameters, the inverse of parseFunnelQuery, with changes applied: for links
 * that switch one setting and keep the others.
 * @example funnelSearch(query, { group: 'link' }) // 'from=2026-03-01&to=2026-03-31&group=link&model=first&sort=-visits'
 */
export function funnelSearch(query: FunnelQuery, change: Partial<Omit<FunnelQuery, 'range'> & FunnelRange> = {}): string {
  const sort = change.sort ?? query.sort
  return new URLSearchParams({
    from: change.from ?? query.range.from,
    to: change.to ?? query.range.to,
    group: change.group ?? query.group,
    model: change.model ?? query.model,
    sort: `${sort.dir === 'desc' ? '-' : ''}${sort.by}`,
  }).toString()
}

/**
 * The range as ISO instants for comparing stored times: `start` included, `end` (the day after
 * `to`, midnight UTC) excluded.
 * @example rangeBounds({ from: '2026-03-01', to: '2026-03-31' }) // { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' }
 */
export function rangeBounds(range: FunnelRange): { start: string; end: string } {
  return { start: `${range.from}T00:00:00.000Z`, end: new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY_MS).toISOString() }
}
