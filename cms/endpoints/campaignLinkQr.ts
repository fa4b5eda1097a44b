import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Endpoint } from 'payload'
import sharp from 'sharp'

import { PRINT_SIZES, type PrintSize, QrError, qrPng, qrSvg } from '../../functions/links'
import { roleOf } from '../access/roles'
import { mediaDir, siteUrl } from '../environment'

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
}

/** The brand's logo as a data URI for the QR code's centre, or null without one. */
async function logoDataUri(logo: unknown): Promise<string | null> {
  const filename = logo && typeof logo === 'object' && 'filename' in logo ? String((logo as { filename: unknown }).filename ?? '') : ''
  const type = LOGO_TYPES[path.extname(filename).toLowerCase()]
  if (!filename || !type || filename.includes('/')) return null
  const bytes = await readFile(path.join(mediaDir, filename)).catch(() => null)
  return bytes ? `data:${type};base64,${bytes.toString('base64')}` : null
}

/**
 * `GET /api/campaign-links/:id/qr?format=svg|png&size=1024&download=1`: the link's QR code in the
 * brand colour at error-correction level H, with the logo in the middle when the brand has one.
 * The code encodes `/go/<code>`, never the target, so the target can change after printing.
 */
export const campaignLinkQr: Endpoint = {
  path: '/:id/qr',
  method: 'get',
  handler: async (req) => {
    if (!roleOf(req)) return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    const id = String(req.routeParams?.id ?? '')
    const format = req.searchParams.get('format') ?? 'svg'
    const size = Number(req.searchParams.get('size') ?? 1024) as PrintSize
    if (format !== 'svg' && format !== 'png') return Response.json({ errors: [{ message: 'format must be svg or png.' }] }, { status: 400 })
    if (format === 'png' && !(PRINT_SIZES as readonly number[]).includes(size))
      return Response.json({ errors: [{ message: `size must be one of ${PRINT_SIZES.join(', ')}.` }] }, { status: 400 })
    const link = await req.payload.findByID({
      collection: 'campaign-links',
      id,
      depth: 0,
      disableErrors: true,
      overrideAccess: false,
      user: req.user,
    })
    if (!link) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 1 })
    const logo = await logoDataUri(settings.logo)
    const text = `${siteUrl}/go/${link.code}`
    let svg: string
    try {
      svg = qrSvg(text, { color: settings.brandColor, logo: Boolean(logo) })
    } catch (error) {
      // A brand colour too pale to scan on white: print the code in black rather than a code nobody can read.
      if (!(error instanceof QrError)) throw error
      svg = qrSvg(text, { color: '#000000', logo: Boolean(logo) })
    }
    if (logo)
      svg = svg.replace(/(<g id="logo"[^>]*>)/, `$1<image href="${logo}" width="100" height="100" preserveAspectRatio="xMidYMid meet"/>`)
    const name = `qr-${link.code}${format === 'png' ? `-${size}` : ''}.${format}`
    const disposition = req.searchParams.get('download') ? `attachment; filename="${name}"` : `inline; filename="${name}"`
    if (format === 'svg')
      return new Response(svg, {
        headers: { 'content-type': 'image/svg+xml', 'content-disposition': disposition, 'cache-control': 'no-store' },
      })
    // qrPng draws from its own SVG; with a logo, render our SVG (logo included) at the exact size.
    const png = logo
      ? await sharp(Buffer.from(svg), { density: 72 * Math.ceil(size / 100) })
          .resize(size, size, { fit: 'fill' })
          .png()
          .toBuffer()
      : await qrPng(text, { color: settings.brandColor, size }, sharp).catch(() => qrPng(text, { color: '#000000', size }, sharp))
    return new Response(new Uint8Array(png), {
      headers: { 'content-type': 'image/png', 'content-disposition': disposition, 'cache-control': 'no-store' },
    })
  },
}
