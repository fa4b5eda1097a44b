/** The most an editor may upload to the media library: bytes on disk, and pixels once decoded. */
export const IMAGE_UPLOAD_LIMITS = {
  /** 20 MB: far more than any photo the site shows needs (its largest size is 1920 px wide). */
  maxBytes: 20 * 1024 * 1024,
  /**
   * 50 megapixels: a 10000 × 10000 PNG of one colour is a few hundred kilobytes but decodes to
   * 400 MB of memory; every size the site generates would decode it again.
   */
  maxPixels: 50_000_000,
} as const

export type ImageUploadLimits = { maxBytes: number; maxPixels: number }

/** What sharp's `metadata()` read from the file's first bytes; null when it found no image there. */
export interface ImageHeader {
  format?: string
  /** For HEIF containers: 'av1' is AVIF, 'hevc' is HEIC. */
  compression?: string
  width?: number
  height?: number
  /** Height of one frame of an animated image, when sharp reports it. */
  pageHeight?: number
  /** Frames of an animated image. */
  pages?: number
}

/** The facts about one upload that decide whether it is accepted. */
export interface ImageUploadFacts {
  /** Size of the file in bytes. */
  bytes: number
  /** True when the request parser stopped reading because the file passed its size limit. */
  truncated?: boolean
  header: ImageHeader | null
}

/** Why an upload is refused, with the HTTP status and the message the editor sees. */
export interface ImageUploadRefusal {
  status: 413 | 415 | 422
  reason: 'too-large' | 'not-an-image' | 'unsupported-format' | 'too-many-pixels'
  message: string
}

// The formats the site can serve and resize, by sharp's name for them (AVIF is 'heif' with AV1).
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'avif'])
const ACCEPTED_LIST = 'JPEG, PNG, WebP, AVIF or GIF'
const FORMAT_NAMES: Record<string, string> = {
  heic: 'HEIC',
  tiff: 'TIFF',
  svg: 'SVG',
  pdf: 'PDF',
  jp2: 'JPEG 2000',
  jxl: 'JPEG XL',
  raw: 'RAW',
  magick: 'BMP or ICO',
  openslide: 'slide',
  fits: 'FITS',
  vips: 'VIPS',
  ppm: 'PPM',
  exr: 'OpenEXR',
}

function formatOf(header: ImageHeader): string {
  if (header.format === 'heif') return header.compression === 'av1' ? 'avif' : 'heic'
  return header.format ?? ''
}

// Rounded up, so that a file a byte over 20 MB never reads as "20 MB".
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toString()} MB`
}

/**
 * The message for a file over the byte limit; also given to the request parser, which stops
 * reading such a file before it reaches any hook.
 * @example tooLargeMessage() // 'The file is larger than 20 MB, the most the media library accepts. …'
 */
export function tooLargeMessage(limits: ImageUploadLimits = IMAGE_UPLOAD_LIMITS, bytes?: number): string {
  const what =
    bytes === undefined
      ? `The file is larger than ${megabytes(limits.maxBytes)}, the most the media library accepts.`
      : `The file is ${megabytes(bytes)}; the media library accepts at most ${megabytes(limits.maxBytes)}.`
  return `${what} Export a smaller version (2000 to 4000 pixels wide is plenty for the site) and upload it again.`
}

/**
 * Whether an upload to the media library may go on: null when it may, otherwise the refusal.
 * The decision rests on the file's bytes as sharp read them, never on its name or the browser's type.
 * @example judgeImageUpload({ bytes: 1200, header: null }) // { status: 415, reason: 'not-an-image', … }
 */
export function judgeImageUpload(facts: ImageUploadFacts, limits: ImageUploadLimits = IMAGE_UPLOAD_LIMITS): ImageUploadRefusal | null {
  if (facts.truncated) return { status: 413, reason: 'too-large', message: tooLargeMessage(limits) }
  if (facts.bytes > limits.maxBytes) return { status: 413, reason: 'too-large', message: tooLargeMessage(limits, facts.bytes) }

  const header = facts.header
  if (!header || !header.format) {
    return {
      status: 415,
      reason: 'not-an-image',
      message:
        `The file is not an image or a PDF: its content is not ${ACCEPTED_LIST}, nor PDF, whatever its name says. ` +
        `Upload one of those.`,
    }
  }
  const format = formatOf(header)
  if (!ACCEPTED.has(format)) {
    const name = FORMAT_NAMES[format] ?? format.toUpperCase()
    return {
      status: 415,
      reason: 'unsupported-format',
      message: `The file is a ${name} image; the site shows ${ACCEPTED_LIST}. Convert it to one of those and upload it again.`,
    }
  }

  const width = header.width ?? 0
  const frameHeight = header.pageHeight ?? header.height ?? 0
  const frames = Math.max(1, header.pages ?? 1)
  if (width <= 0 || frameHeight <= 0) {
    return {
      status: 415,
      reason: 'not-an-image',
      message: `The image has no width or height, so it cannot be shown. Save it again from an image editor and upload it.`,
    }
  }
  const pixels = width * frameHeight * frames
  if (pixels > limits.maxPixels) {
    const size = `${width} × ${frameHeight} pixels${frames > 1 ? ` in ${frames} frames` : ''}`
    return {
      status: 422,
      reason: 'too-many-pixels',
      message:
        `The image is ${size} (${Math.round(pixels / 1_000_000)} megapixels); images may have at most ` +
        `${Math.round(limits.maxPixels / 1_000_000)} megapixels. Resize it and upload it again.`,
    }
  }
  return null
}
