import type { APIRoute } from 'astro'

import { pagePathOfShareImage, type ShareImageInput } from '../../../functions/seo'
import { shareImageInput } from '../../lib/seo'
import { shareImages } from '../../lib/share-image'
import { localePrefixes } from '../../lib/site-index'
import { resolveView, siteDefaultLocale } from '../../lib/view'

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

// What each page's image shows, per content stamp: a repeat request costs a file read, not a render.
let drawn: { stamp: string | null; inputs: Map<string, ShareImageInput | null> } = { stamp: null, inputs: new Map() }

async function inputFor(pagePath: string, stamp: string | null): Promise<ShareImageInput | null> {
  if (drawn.stamp !== stamp) drawn = { stamp, inputs: new Map() }
  const known = drawn.inputs.get(pagePath)
  if (known !== undefined) return known
  const { status, view, layout } = await resolveView(pagePath, stamp, null)
  const input = status === 200 ? await shareImageInput(view, layout.settings) : null
  // Bounded, so that a crawler inventing paths cannot grow it without end.
  if (drawn.inputs.size > 5000) drawn.inputs.clear()
  drawn.inputs.set(pagePath, input)
  return input
}

/**
 * The generated share image of a public page (`/share-image/en/blog/launch.png`): its title on the
 * brand colour, 1200×630 PNG, drawn once and kept on disk. Unknown pages are 404.
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const stamp = locals.contentStamp ?? null
  const pagePath = pagePathOfShareImage(params.path ?? '', localePrefixes(await siteDefaultLocale(stamp)))
  if (!pagePath) return notFound()
  const input = await inputFor(pagePath, stamp)
  if (!input) return notFound()
  const { png } = await shareImages.get(input)
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.byteLength),
      // Pages link the image with ?v=<hash of what it shows>, so a day of caching never shows an old title.
      'cache-control': 'public, max-age=86400',
    },
  })
}
