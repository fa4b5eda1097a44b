/**
 * Memoises a read per content stamp: `read(key)` runs again only when the stamp has changed since
 * that key was last read (editing content changes the stamp, cms/globals/ContentVersion.ts), so a
 * request costs a map lookup instead of a query. A failed read is not kept: the next call tries
 * again. At most `maxKeys` keys are kept, so a flood of made-up keys (form ids) costs no memory.
 */
export function perStamp<V>(read: (key: string) => Promise<V>, maxKeys = 1000): (stamp: string | null, key?: string) => Promise<V> {
  const known = new Map<string, { stamp: string | null; value: Promise<V> }>()
  return (stamp, key = '') => {
    const found = known.get(key)
    if (found && found.stamp === stamp) return found.value
    const value = read(key)
    if (known.size >= maxKeys && !found) known.clear()
    known.set(key, { stamp, value })
    value.catch(() => {
      if (known.get(key)?.value === value) known.delete(key)
    })
    return value
  }
}
