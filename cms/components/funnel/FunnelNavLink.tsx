import type { PayloadRequest, ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { roleOf } from '../../access/roles'
import { FUNNEL_VIEW_PATH, funnelText } from '../../funnel'

/** The funnel dashboard's entry in the admin's side navigation, for CMS users. */
export function FunnelNavLink({ payload, user, i18n }: ServerProps) {
  if (!payload || !roleOf({ user } as Pick<PayloadRequest, 'user'>)) return null
  const href = formatAdminURL({ adminRoute: payload.config.routes.admin, path: FUNNEL_VIEW_PATH })
  return (
    <a className="nav__link" href={href} id="nav-funnel">
      <span className="nav__link-label">{funnelText(i18n?.language).title}</span>
    </a>
  )
}
