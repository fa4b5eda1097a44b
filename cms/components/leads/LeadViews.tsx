import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { inboxViews, viewQuery } from '../../../functions/nurture/inbox'

/** Above the leads list: the views sales use every day (mine, new today, qualified, hottest). */
export function LeadViews({ payload, user, i18n }: ServerProps) {
  if (!payload || !user) return null
  const zh = i18n?.language === 'zh'
  const base = formatAdminURL({ adminRoute: payload.config.routes.admin, path: '/collections/leads' })
  return (
    <nav aria-label={zh ? '线索视图' : 'Lead views'} style={{ display: 'flex', gap: '0.75rem', margin: '0 0 1rem', flexWrap: 'wrap' }}>
      {inboxViews(user.id, new Date()).map((view) => (
        <a key={view.key} className="btn btn--style-pill btn--size-small" href={`${base}?${viewQuery(view)}`} id={`lead-view-${view.key}`}>
          {zh ? view.label.zh : view.label.en}
        </a>
      ))}
    </nav>
  )
}
