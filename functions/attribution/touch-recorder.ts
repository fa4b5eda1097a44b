import type { Touch } from './touch'

/** A touch waiting to be stored, with the browser it belongs to. */
export interface VisitorTouch {
  visitor: string
  touch: Touch
}

/** Clicks on one campaign link on one day (UTC), to be added to the stored count. */
export interface LinkClickCount {
  link: string
  day: string
  count: number
}

/** Where touches and clicks are kept (cms/attribution): SQL on SQLite, the Local API elsewhere. */
export interface TouchStore {
  insertTouches(rows: VisitorTouch[]): Promise<void>
  addClicks(rows: LinkClickCount[]): Promise<void>
  /** The visitor's earliest touch and their latest one at or before `before`. */
  touchesOf(visitor: string, before: Date): Promise<{ first: Touch | null; last: Touch | null }>
  /** Gives the visitor's touches that belong to nobody yet to this lead; touches of another lead stay theirs. */
  linkVisitor(visitor: string, lead: string | number): Promise<void>
}

export interface TouchRecorder {
  /** Queues a touch; false when it repeats the visitor's touch of the last minute (a reload, or /go/ then its landing page). */
  record(visitor: string, touch: Touch): boolean
  /** Counts one click on a campaign link. */
  click(link: string, at: Date): void
  /** Writes everything queued; resolves when it is stored. */
  flush(): Promise<void>
  /** How many touches and clicks wait to be written. */
  pending(): { touches: number; clicks: number }
}

const REPEAT_WINDOW_MS = 60_000
const RECENT_LIMIT = 50_000

/** What makes two touches the same arrival: where from, not when or on which page. */
const signature = (t: Touch) => [t.channel, t.source, t.medium, t.campaign, t.content, t.term, t.referralCode].join('\u0000')

/**
 * The landing request right after a campaign link's redirect carries the link's UTM tags: the same arrival, already recorded with its link.
 */
const landedFrom = (last: { link: string | null; source: string | null; campaign: string | null }, touch: Touch) =>
  last.link !== null && !touch.campaignLink && !touch.referrer && touch.source === last.source && touch.campaign === last.campaign

/**
 * Keeps touches and clicks in memory and writes them in batches, so that a page or a redirect
 * never waits for the database; the caller flushes on a timer, before reading a visitor's
 * touches, and on shutdown. Writes that fail are put back and tried again with the next flush.
 */
export function createTouchRecorder(store: TouchStore, onError: (error: unknown) => void = () => {}): TouchRecorder {
  let touches: VisitorTouch[] = []
  let clicks = new Map<string, LinkClickCount>()
  const recent = new Map<string, { signature: string; at: number; link: string | null; source: string | null; campaign: string | null }>()
  let writing: Promise<void> = Promise.resolve()

  const write = async () => {
    const batch = touches
    const counts = [...clicks.values()]
    touches = []
    clicks = new Map()
    try {
      if (batch.length) await store.insertTouches(batch)
    } catch (error) {
      touches = batch.concat(touches)
      onError(error)
    }
    try {
      if (counts.length) await store.addClicks(counts)
    } catch (error) {
      for (const row of counts) addClick(row.link, row.day, row.count)
      onError(error)
    }
  }
  const addClick = (link: string, day: string, count: number) => {
    const key = `${link}\u0000${day}`
    const row = clicks.get(key)
    if (row) row.count += count
    else clicks.set(key, { link, day, count })
  }

  return {
    record(visitor, touch) {
      const at = Date.parse(touch.at)
      const sig = signature(touch)
      const last = recent.get(visitor)
      if (last && at - last.at < REPEAT_WINDOW_MS && (last.signature === sig || landedFrom(last, touch))) return false
      // A Map keeps insertion order: dropping the oldest keeps memory bounded under any traffic.
      recent.delete(visitor)
      recent.set(visitor, { signature: sig, at, link: touch.campaignLink ?? null, source: touch.source, campaign: touch.campaign })
      if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!)
      touches.push({ visitor, touch })
      return true
    },
    click(link, at) {
      addClick(link, at.toISOString().slice(0, 10), 1)
    },
    flush() {
      // One write at a time, in order: a flush waits for the one before it, then writes what is left.
      writing = writing.then(write)
      return writing
    },
    pending: () => ({ touches: touches.length, clicks: [...clicks.values()].reduce((sum, row) => sum + row.count, 0) }),
  }
}
