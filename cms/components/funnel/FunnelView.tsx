import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { type FunnelQuery, FunnelQueryError, parseFunnelQuery } from '../../../functions/attribution'
import { roleOf } from '../../access/roles'
import { FUNNEL_CSV_PATH, FUNNEL_VIEW_PATH, funnelText, loadFunnel } from '../../funnel'
import { FunnelDashboard } from './FunnelDashboard'

/**
 * `/admin/funnel`: the channel funnel for any CMS user. Payload lets custom views through without
 * its own admin-access check, so this one sends anonymous visitors to the login (and back here
 * afterwards) and anyone who is not a CMS user to the unauthorized page.
 */
export async function FunnelView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { payload } = req
  const { routes, admin } = payload.config
  const path = formatAdminURL({ adminRoute: routes.admin, path: FUNNEL_VIEW_PATH })
  const search = new URLSearchParams(
    Object.entries(searchParams ?? {}).flatMap(([key, value]) => [value ?? []].flat().map((v) => [key, String(v)])),
  ).toString()
  if (!req.user)
    redirect(
      `${formatAdminURL({ adminRoute: routes.admin, path: admin.routes.login })}?redirect=` +
        `${encodeURIComponent(`${path}${search ? `?${search}` : ''}`)}`,
    )
  if (!roleOf(req)) redirect(formatAdminURL({ adminRoute: routes.admin, path: admin.routes.unauthorized }))
  const language = req.i18n.language === 'zh' ? 'zh' : 'en'
  const text = funnelText(language)
  let query: FunnelQuery
  let error: string | undefined
  try {
    query = parseFunnelQuery(searchParams ?? {}, new Date())
  } catch (caught) {
    // A hand-edited URL shows the message above the default report instead of an error page.
    if (!(caught instanceof FunnelQueryError)) throw caught
    error = caught.message
    query = parseFunnelQuery({}, new Date())
  }
  const report = await loadFunnel(payload, query, language)
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
      viewType="funnel"
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <FunnelDashboard
          report={report}
          text={text}
          path={path}
          csvPath={formatAdminURL({ apiRoute: routes.api, path: FUNNEL_CSV_PATH })}
          language={language === 'zh' ? 'zh-CN' : 'en'}
          error={error}
        />
      </Gutter>
    </DefaultTemplate>
  )
}
