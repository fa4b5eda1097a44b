import type { APIRoute } from 'astro'

import { payloadSecret } from '../../cms/environment'
import { localizedHref } from '../../functions/content/paths'
import { verifyPreviewToken } from '../../functions/content/preview-token'
import { previewUser } from '../lib/cms'
import { endPreview, startPreview } from '../lib/preview'
import { siteDefaultLocale } from '../lib/view'

/** Follows a preview link from the CMS: checks the token, keeps it in a cookie and shows the draft. */
export const GET: APIRoute = async ({ url, cookies, redirect, locals }) => {
  if (url.searchParams.has('exit')) {
    endPreview(cookies)
    return redirect('/', 303)
  }
  const token = url.searchParams.get('token') ?? ''
  const grant = verifyPreviewToken(token, payloadSecret())
  if (!grant || !(await previewUser(grant.userId))) {
    return new Response('This preview link is invalid or has expired. Open the preview again from the CMS.', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
  startPreview(cookies, token)
  // The grant's path was made by the CMS from a validated slug or page path; it is always site-relative.
  const target = grant.path.startsWith('/') && !grant.path.startsWith('//') ? grant.path : '/'
  const defaultLocale = await siteDefaultLocale(locals.contentStamp ?? null)
  return redirect(localizedHref(target, grant.locale || defaultLocale, defaultLocale), 303)
}
