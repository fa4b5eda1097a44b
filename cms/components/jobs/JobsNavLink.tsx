import type { PayloadRequest, ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { roleOf } from '../../access/roles'
import { JOBS_VIEW_PATH } from '../../jobs/paths'

/** The jobs screen's entry in the admin's side navigation, for admins. */
export function JobsNavLink({ payload, user }: ServerProps) {
  if (!payload || roleOf({ user } as Pick<PayloadRequest, 'user'>) !== 'admin') return null
  return (
    <a className="nav__link" href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: JOBS_VIEW_PATH })} id="nav-jobs">
      <span className="nav__link-label">Jobs</span>
    </a>
  )
}
