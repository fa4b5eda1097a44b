// Loaded with `node --import` (NODE_OPTIONS) into processes whose entry is not this project's (the
// CMS's `next start`, the builds): LOG_FORMAT=json lines under the name in LOG_PROCESS.
import { installLogFormat } from './log-format.mjs'

installLogFormat(process.env.LOG_PROCESS || 'cms')
