import type { CollectionConfig, ImageSize } from 'payload'

import { RESPONSIVE_WIDTHS } from '../../functions/content/image-sizes'
import { imagesOrCmsUser } from '../access/imagesOrCmsUser'
import { canEditContent } from '../access/roles'
import { mediaDir } from '../environment'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'
import { checkImageUpload } from '../hooks/checkImageUpload'
import { privateUploads } from '../hooks/privateUploads'

// One WebP and one AVIF file per width; the site offers both in <picture> and lets the browser choose.
const responsiveSizes: ImageSize[] = RESPONSIVE_WIDTHS.flatMap((width) => [
  { name: `webp${width}`, width, formatOptions: { format: 'webp', options: { quality: 78 } } },
  // effort 2 keeps AVIF encoding to a fraction of a second per size on a small machine.
  { name: `avif${width}`, width, formatOptions: { format: 'avif', options: { quality: 55, effort: 2 } } },
])

/** Uploaded images with the sizes sharp generates for the site, alt text and a focal point; and PDFs offered as downloads. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { en: 'Media', zh: '媒体' }, plural: { en: 'Media', zh: '媒体' } },
  admin: { group: { en: 'Content', zh: '内容' } },
  access: { create: canEditContent, read: imagesOrCmsUser, update: canEditContent, delete: canEditContent },
  // Uploads are judged by their bytes before Payload resizes anything (functions/content/image-upload.ts).
  hooks: { beforeOperation: [checkImageUpload], afterChange: [privateUploads(mediaDir), bumpAfterChange], afterDelete: [bumpAfterDelete] },
  upload: {
    staticDir: mediaDir,
    // PDFs only as content offers' downloads: never served at a public address (cms/access/imagesOrCmsUser.ts).
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/pdf'],
    focalPoint: true,
    crop: true,
    imageSizes: [
      ...responsiveSizes,
      // Cropped around the focal point: cards in lists, and the 1200×630 image share cards want.
      { name: 'card', width: 800, height: 500, position: 'centre', formatOptions: { format: 'webp', options: { quality: 78 } } },
      { name: 'share', width: 1200, height: 630, position: 'centre', formatOptions: { format: 'jpeg', options: { quality: 82 } } },
    ],
    adminThumbnail: 'webp480',
  },
  fields: [{ name: 'alt', type: 'text', required: true, localized: true }],
}
