import type { PayloadRequest } from 'payload'

import { signPreviewToken } from '../../functions/content/preview-token'
import { payloadSecret, siteUrl } from '../environment'

/**
 * The address of a draft on the site for the signed-in editor: a short-lived token signed with
 * the CMS secret, which the site checks before it shows any draft.
 */
export function previewUrl(req: PayloadRequest, path: string, locale?: string): string | null {
  const user = req.user as { id: string | number; role?: string } | null
  if (!user || (user.role !== 'admin' && user.role !== 'editor')) return null
  const token = signPreviewToken({ userId: String(user.id), path, locale: locale ?? '' }, payloadSecret())
  return `${siteUrl}/preview?token=${encodeURIComponent(token)}`
}
