import { randomBytes } from 'node:crypto'

/**
 * A new content stamp: the time plus randomness, so two writes in the same millisecond from two
 * processes still give two different stamps.
 * @example newContentStamp() // '1795000000000-3f9a1c2b'
 */
export function newContentStamp(now: number = Date.now()): string {
  return `${now}-${randomBytes(4).toString('hex')}`
}
