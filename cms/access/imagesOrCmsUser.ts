import type { Access } from 'payload'

import { roleOf } from './roles'

/**
 * Media access: images are public (the site and anyone may load them); documents (the PDFs of
 * content offers) only for CMS users, so the file route `/api/media/file/<name>` refuses them to
 * everybody else: a visitor gets a document only through a signed download link.
 */
export const imagesOrCmsUser: Access = ({ req }) => (roleOf(req) !== null ? true : { mimeType: { like: 'image/' } })
