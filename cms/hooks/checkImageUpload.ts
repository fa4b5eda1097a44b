import { open } from 'node:fs/promises'

import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import sharp from 'sharp'

import { IMAGE_UPLOAD_LIMITS, type ImageHeader, judgeImageUpload } from '../../functions/content/image-upload'
import { isPdf, PDF_PROBE_BYTES } from '../../functions/offers'
import { canEditContent } from '../access/roles'

/** An upload the media library refuses: a 4xx with a message for the editor, logged as info (cms/payload.config.ts). */
export class UploadRefused extends APIError {
  constructor(message: string, status: number, reason: string) {
    super(message, status, { reason }, true)
    this.name = 'UploadRefused'
  }
}

// Payload's multipart parser marks a file it stopped reading at its size limit as truncated.
type UploadedFile = NonNullable<PayloadRequest['file']> & { truncated?: boolean }

/** What sharp reads from the file's header, without decoding the pixels; null when it finds no image. */
async function readImageHeader(file: UploadedFile): Promise<ImageHeader | null> {
  try {
    // No pixel limit here: only the header is read, and judgeImageUpload gives the clearer refusal.
    const input = file.tempFilePath || file.data
    const { format, compression, width, height, pageHeight, pages } = await sharp(input, { limitInputPixels: false }).metadata()
    return { format, compression, width, height, pageHeight, pages }
  } catch {
    // sharp could not make an image of these bytes: that is the answer, not a failure.
    return null
  }
}

/** Whether the uploaded bytes are a PDF: its first and last kilobyte, read from memory or the temporary file. */
async function uploadIsPdf(file: UploadedFile, bytes: number): Promise<boolean> {
  if (!file.tempFilePath) return Boolean(file.data) && isPdf(file.data)
  const handle = await open(file.tempFilePath, 'r')
  try {
    const head = Buffer.alloc(Math.min(bytes, PDF_PROBE_BYTES))
    const tail = Buffer.alloc(Math.min(bytes, PDF_PROBE_BYTES))
    await handle.read(head, 0, head.length, 0)
    await handle.read(tail, 0, tail.length, bytes - tail.length)
    return isPdf(head, tail)
  } finally {
    await handle.close()
  }
}

/**
 * Refuses an upload that is not an image or a PDF, is too large, or would decode to too many pixels,
 * before Payload resizes it (which happens ahead of every field hook) and before anything is stored.
 */
export const checkImageUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file as UploadedFile | undefined
  if (!file) return args
  // Someone who may not upload anyway is refused by Payload's access check (403) right after this
  // hook; their file is not worth reading.
  if (!args.overrideAccess && !(await canEditContent({ req }))) return args
  const bytes = file.size ?? file.data?.length ?? 0
  const tooLarge = Boolean(file.truncated) || bytes > IMAGE_UPLOAD_LIMITS.maxBytes
  // A document for content offers: its type is what its bytes say, whatever the browser claimed,
  // and it is never resized. The site serves it only through signed download links.
  if (!tooLarge && (await uploadIsPdf(file, bytes))) {
    file.mimetype = 'application/pdf'
    if (!/\.pdf$/i.test(file.name)) file.name = `${file.name.replace(/\.[^.]*$/, '')}.pdf`
    return args
  }
  const header = tooLarge ? null : await readImageHeader(file)
  const refusal = judgeImageUpload({ bytes, truncated: file.truncated, header })
  if (refusal) throw new UploadRefused(refusal.message, refusal.status, refusal.reason)
  return args
}
