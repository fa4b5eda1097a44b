import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { roleOf } from '../../access/roles'
import { listJobs } from '../../jobs/admin'
import { JOBS_VIEW_PATH } from '../../jobs/paths'
import { RetryJobButton } from './RetryJobButton'

const ORDER = ['failed', 'stranded', 'running', 'queued'] as const
const HEADINGS = {
  failed: 'Failed (out of retries)',
  stranded: 'Stranded (worker gone; taken over when its lease runs out)',
  running: 'Running',
  queued: 'Queued',
} as const

/**
 * `/admin/jobs`: background jobs not yet done (queued, running, stranded and failed), for admins,
 * each failed, stranded or waiting one with a retry button. Payload lets custom views through
 * without its own admin check, so this one sends everyone but admins away.
 */
export async function JobsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { payload } = req
  const { routes, admin } = payload.config
  if (!req.user)
    redirect(
      `${formatAdminURL({ adminRoute: routes.admin, path: admin.routes.login })}?redirect=` +
        `${encodeURIComponent(formatAdminURL({ adminRoute: routes.admin, path: JOBS_VIEW_PATH }))}`,
    )
  if (roleOf(req) !== 'admin') redirect(formatAdminURL({ adminRoute: routes.admin, path: admin.routes.unauthorized }))
  const jobs = await listJobs(payload, new Date())
  const retryUrl = (id: string | number) => formatAdminURL({ apiRoute: routes.api, path: `/jobs/${id}/retry` })
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user}
      viewType="jobs"
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Jobs</h1>
        {jobs.length === 0 && <p id="jobs-none">No job is waiting, running or failed.</p>}
        {ORDER.map((state) => {
          const rows = jobs.filter((job) => job.state === state)
          if (rows.length === 0) return null
          return (
            <section key={state} id={`jobs-${state}`}>
              <h2>
                {HEADINGS[state]}: {rows.length}
              </h2>
              <table className="table">
                <thead>
                  <tr>
                    <th>Job</th>
                    <th>Task</th>
                    <th>Input</th>
                    <th>Tries</th>
                    <th>Last error</th>
                    <th>Updated</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((job) => (
                    <tr key={job.id} data-job={job.id} data-state={job.state}>
                      <td>{job.id}</td>
                      <td>{job.task}</td>
                      <td>
                        <code>{job.input}</code>
                      </td>
                      <td>{job.tried}</td>
                      <td>{job.error ?? ''}</td>
                      <td>{job.updatedAt}</td>
                      <td>{state !== 'running' && <RetryJobButton url={retryUrl(job.id)} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        })}
      </Gutter>
    </DefaultTemplate>
  )
}
