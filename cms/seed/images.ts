// Demo images drawn locally: SVG (gradients, shapes, a short title) rendered to PNG by sharp,
// so seeding needs no network and no binary files in the repository.
import sharp from 'sharp'

/** An in-memory file in the shape the Local API's `file` option expects. */
export interface SeedFile {
  data: Buffer
  mimetype: 'image/png'
  name: string
  size: number
}

/** Shapes drawn over the gradient, so images in a list do not look alike. */
export type Motif = 'circles' | 'waves' | 'grid' | 'arcs' | 'bars'

/** What one demo image shows. */
export interface ImageSpec {
  name: string
  /** A short Latin title: the machine's only fonts are DejaVu, which has no Chinese glyphs. */
  title: string
  kicker?: string
  /** Gradient from, gradient to, accent. */
  palette: [string, string, string]
  motif: Motif
}

/** The brand red and the tones it is paired with. */
export const BRAND = {
  red: '#c8102e',
  deepRed: '#7a0a1c',
  ink: '#1f2a44',
  teal: '#0f766e',
  sand: '#f3e9dc',
  gold: '#d9a441',
  slate: '#3d4b66',
} as const

const W = 1600
const H = 900

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)
}

function motifShapes(motif: Motif, accent: string): string {
  switch (motif) {
    case 'circles':
      return `<circle cx="1240" cy="300" r="260" fill="${accent}" opacity="0.85"/>
        <circle cx="1420" cy="620" r="170" fill="#ffffff" opacity="0.18"/>
        <circle cx="1060" cy="700" r="90" fill="none" stroke="#ffffff" stroke-width="10" opacity="0.5"/>`
    case 'waves':
      return [0, 1, 2, 3, 4]
        .map(
          (i) =>
            `<path d="M0 ${560 + i * 60} C 400 ${460 + i * 60}, 800 ${700 + i * 60}, 1600 ${520 + i * 60}" fill="none" ` +
            `stroke="${i % 2 ? '#ffffff' : accent}" stroke-width="${18 - i * 2}" opacity="${0.75 - i * 0.1}"/>`,
        )
        .join('')
    case 'grid':
      return Array.from({ length: 20 }, (_, i) => {
        const x = 960 + (i % 5) * 120
        const y = 150 + Math.floor(i / 5) * 150
        const filled = (i * 7) % 3 === 0
        return (
          `<rect x="${x}" y="${y}" width="90" height="90" rx="14" fill="${filled ? accent : '#ffffff'}" ` +
          `opacity="${filled ? 0.9 : 0.16}"/>`
        )
      }).join('')
    case 'arcs':
      return [0, 1, 2, 3]
        .map(
          (i) =>
            `<circle cx="1600" cy="900" r="${260 + i * 150}" fill="none" stroke="${i === 1 ? accent : '#ffffff'}" ` +
            `stroke-width="${i === 1 ? 40 : 14}" opacity="${i === 1 ? 0.9 : 0.25}"/>`,
        )
        .join('')
    case 'bars':
      return [220, 340, 280, 460, 560, 700]
        .map(
          (h, i) =>
            `<rect x="${980 + i * 95}" y="${800 - h}" width="64" height="${h}" rx="8" fill="${i === 5 ? accent : '#ffffff'}" ` +
            `opacity="${i === 5 ? 0.95 : 0.22 + i * 0.08}"/>`,
        )
        .join('')
  }
}

function bannerSvg({ title, kicker, palette: [from, to, accent], motif }: ImageSpec): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
    </linearGradient>
    <radialGradient id="glow" cx="0.2" cy="0.1" r="0.8">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.22"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>
  <rect width="${W}" height="${H}" fill="url(#glow)"/>
  ${motifShapes(motif, accent)}
  <rect x="120" y="560" width="96" height="10" fill="${accent}"/>
  ${
    kicker
      ? `<text x="120" y="530" font-family="DejaVu Sans, sans-serif" font-size="34" letter-spacing="6" fill="#ffffff" opacity="0.8">` +
        `${escapeXml(kicker.toUpperCase())}</text>`
      : ''
  }
  <text x="120" y="680" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="84" fill="#ffffff">${escapeXml(title)}</text>
</svg>`
}

function logoSvg(): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="seal" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${BRAND.red}"/><stop offset="1" stop-color="${BRAND.deepRed}"/>
    </linearGradient>
  </defs>
  <rect width="512" height="512" rx="96" fill="url(#seal)"/>
  <rect x="56" y="56" width="400" height="400" rx="64" fill="none" stroke="${BRAND.sand}" stroke-width="14"/>
  <circle cx="256" cy="222" r="92" fill="${BRAND.sand}"/>
  <circle cx="256" cy="222" r="44" fill="${BRAND.red}"/>
  <text x="256" y="400" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="60" ` +
    `letter-spacing="8" fill="${BRAND.sand}">CINNABAR</text>
</svg>`
  )
}

async function png(svg: string, name: string): Promise<SeedFile> {
  // Low compression effort: these buffers are decoded again at once by Payload's upload.
  const data = await sharp(Buffer.from(svg)).png({ compressionLevel: 3 }).toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}

/** A 1600×900 banner PNG for heroes and post covers. */
export function renderBanner(spec: ImageSpec): Promise<SeedFile> {
  return png(bannerSvg(spec), `${spec.name}.png`)
}

/** The brand's 512×512 square logo as a PNG. */
export function renderLogo(name = 'cinnabar-logo'): Promise<SeedFile> {
  return png(logoSvg(), `${name}.png`)
}
