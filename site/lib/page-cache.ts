import { createPageCache } from '../../functions/content/page-cache'
import { contentStamp } from './cms'

/** This site process's page cache, invalidated by the content stamp the CMS writes on publish. */
export const pageCache = createPageCache({ readStamp: contentStamp })
