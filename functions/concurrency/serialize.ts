const tails = new Map<string, Promise<unknown>>()

/**
 * Runs `work` after every earlier call with the same key has settled, within this process: the one
 * per-key queue of the product. Two requests or jobs of this process changing one row (one
 * person's lead, one code, one throttle counter) would otherwise read the same state and overwrite
 * each other's write. Across processes it promises nothing: the stores add a database guarantee
 * (a unique index, a compare-and-set, one statement) where one is needed.
 * @example await serialize(`lead:${id}`, () => appendDelivery(id))
 */
export async function serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (tails.get(key) ?? Promise.resolve()).then(work)
  // The queue moves on whether this work succeeds or fails; its caller still sees the failure.
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  tails.set(key, tail)
  try {
    return await run
  } finally {
    if (tails.get(key) === tail) tails.delete(key)
  }
}
