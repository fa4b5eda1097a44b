import { createPageCache } from '../../functions/content/page-cache'
import { contentStamp } from './cms'
import type { CachedAnswer } from './pipeline'

/** This site process's page cache, invalidated by the content stamp the CMS writes on publish. */
export const pageCache = createPageCache<CachedAnswer>({ readStamp: contentStamp })
