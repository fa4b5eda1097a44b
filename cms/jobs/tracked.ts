import type { TaskConfig, TaskHandlerArgs } from 'payload'

import { held } from './lease'

type TaskIO = { input: object; output: object }

/** A delivery's failure, carrying the lead it was for so that the log line can name it. */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly leadId: string | number,
  ) {
    super(message)
    this.name = 'DeliveryFailed'
  }
}

/** The one line a failed attempt leaves in the log: job, task, lead, attempt and reason, never a stack. */
export function failedAttemptLine({
  jobId,
  task,
  leadId,
  attempt,
  attempts,
  reason,
}: {
  jobId: string | number
  task: string
  leadId?: string | number
  attempt: number
  attempts: number
  reason: string
}): string {
  const lead = leadId === undefined ? '' : ` lead ${leadId}`
  return `Job ${jobId} ${task}${lead}: attempt ${attempt}/${attempts} failed: ${reason.replace(/\s+/g, ' ').slice(0, 300)}`
}

/**
 * Wraps a task so that the worker knows which jobs it holds (their lease is renewed and released on
 * stop, see ./lease.ts) and a failed attempt logs one line. Payload's own error log (the whole job
 * as JSON, about 100 lines) is silenced in the autoRun config.
 * @example tasks: [tracked(notifyLead)]
 */
export function tracked<T extends TaskIO>(task: TaskConfig<T>): TaskConfig<T> {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  const attempts = (typeof task.retries === 'number' ? task.retries : (task.retries?.attempts ?? 0)) + 1
  return {
    ...task,
    handler: async (args: TaskHandlerArgs<T>) => {
      const { job, req } = args
      held.add(job.id)
      try {
        return await handler(args)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        const leadId = error instanceof DeliveryFailed ? error.leadId : undefined
        req.payload.logger.warn(
          failedAttemptLine({ jobId: job.id, task: task.slug, leadId, attempt: (job.totalTried ?? 0) + 1, attempts, reason }),
        )
        throw error
      } finally {
        held.delete(job.id)
      }
    },
  }
}
