import type { CollectionConfig } from 'payload'

import { canWorkLeads, isAdmin, nobody } from '../access/roles'
import { leadFilesDir } from '../environment'
import { privateUploads } from '../hooks/privateUploads'

/** Files visitors attach to submissions: lead data, so only sales and admins read them. */
export const LeadFiles: CollectionConfig = {
  slug: 'lead-files',
  labels: { singular: { en: 'Lead file', zh: '线索附件' }, plural: { en: 'Lead files', zh: '线索附件' } },
  admin: { defaultColumns: ['filename', 'mimeType', 'filesize', 'createdAt'], group: { en: 'Leads', zh: '线索' } },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  // Never resized or served publicly: Payload serves them only to readers allowed above.
  upload: { staticDir: leadFilesDir, disableLocalStorage: false },
  hooks: { afterChange: [privateUploads(leadFilesDir)] },
  fields: [],
}
