import type { TaskConfig } from 'payload'

import { rebuildSearchIndexes } from '../search/rebuild'

/** The job that rebuilds every locale's search index after pages or posts are published or unpublished. */
export const rebuildSearchIndex: TaskConfig<{ input: { reason?: string }; output: { documents: string } }> = {
  slug: 'rebuildSearchIndex',
  inputSchema: [{ name: 'reason', type: 'text' }],
  outputSchema: [{ name: 'documents', type: 'text' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ req }) => {
    const counts = await rebuildSearchIndexes(req.payload)
    return {
      output: {
        documents: Object.entries(counts)
          .map(([locale, n]) => `${locale}: ${n}`)
          .join(', '),
      },
    }
  },
}
