import type { GlobalConfig } from 'payload'

import { isAdmin } from '../access/roles'

/** The content stamp the site's page caches watch; written only by hooks through the Local API. */
export const ContentVersion: GlobalConfig = {
  slug: 'content-version',
  admin: { hidden: true },
  access: { read: isAdmin, update: () => false },
  fields: [{ name: 'stamp', type: 'text' }],
}
