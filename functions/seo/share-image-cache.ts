import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { type ShareImageInput, shareImageKey } from './share-image'

/** A share image cache on disk; see createShareImageCache. */
export interface ShareImageCache {
  /** The PNG for `input`: read from disk, or drawn once and written there. */
  get(input: ShareImageInput): Promise<{ key: string; png: Buffer; cached: boolean }>
}

/**
 * Generated share images kept as files in `dir`, named by a hash of what they show: a changed title
 * gives a new file, an unchanged one is drawn only once per server, even across restarts.
 * Concurrent requests for the same image share one drawing.
 */
export function createShareImageCache({
  dir,
  render,
}: {
  dir: string
  render: (input: ShareImageInput) => Promise<Buffer>
}): ShareImageCache {
  const drawing = new Map<string, Promise<Buffer>>()
  let made: Promise<unknown> | null = null

  async function draw(key: string, input: ShareImageInput): Promise<Buffer> {
    const png = await render(input)
    made ??= mkdir(dir, { recursive: true })
    await made
    const file = path.join(dir, `${key}.png`)
    // Written under a temporary name and renamed, so another process never reads half a file.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
    await writeFile(temporary, png)
    await rename(temporary, file)
    return png
  }

  return {
    async get(input) {
      const key = shareImageKey(input)
      const onDisk = await readFile(path.join(dir, `${key}.png`)).catch(() => null)
      if (onDisk) return { key, png: onDisk, cached: true }
      let pending = drawing.get(key)
      if (!pending) {
        pending = draw(key, input).finally(() => drawing.delete(key))
        drawing.set(key, pending)
      }
      return { key, png: await pending, cached: false }
    },
  }
}
