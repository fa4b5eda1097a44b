import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

import type { APIRoute } from 'astro'

import { mediaDir } from '../../../cms/environment'

const TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * Serves uploaded images from the media folder, so pages load images from the brand's own domain.
 * Only image types: a PDF in the same folder (a content offer) is never served here, only through
 * its signed link, /download/<token> (site/pages/download/[token].ts).
 */
export const GET: APIRoute = async ({ params }) => {
  const name = params.file ?? ''
  // Only a bare file name of safe characters: no folders, no dot-segments, so nothing outside the folder.
  const type = TYPES[path.extname(name).toLowerCase()]
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(name) || !type) return notFound()
  const file = path.join(mediaDir, name)
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return notFound()
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      'content-type': type,
      'content-length': String(info.size),
      // Payload gives a re-uploaded file a new name, so a name's bytes never change.
      'cache-control': 'public, max-age=31536000, immutable',
    },
  })
}
