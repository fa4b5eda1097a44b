const tails = new Map<string, Promise<unknown>>()

/**
 * Runs `work` after every earlier call with the same key has settled, within this process.
 * The jobs worker is one process that runs a batch of jobs at once: two of them appending to one
 * lead's deliveries, or taking one team's turn, would otherwise read the same row and overwrite
 * each other's write.
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
