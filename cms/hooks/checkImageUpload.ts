import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import sharp from 'sharp'

import { IMAGE_UPLOAD_LIMITS, type ImageHeader, judgeImageUpload } from '../../functions/content/image-upload'
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

/**
 * Refuses an upload that is not an image, is too large, or would decode to too many pixels,
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
  const header = tooLarge ? null : await readImageHeader(file)
  const refusal = judgeImageUpload({ bytes, truncated: file.truncated, header })
  if (refusal) throw new UploadRefused(refusal.message, refusal.status, refusal.reason)
  return args
}
