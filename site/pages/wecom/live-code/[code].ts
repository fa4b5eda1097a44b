import type { APIRoute } from 'astro'

import { handleLiveCode } from '../../../lib/wecom/live-code'

/** The 企业微信 live code of a campaign link, for this visitor: /wecom/live-code/<code> (302 to the QR image). */
export const GET: APIRoute = ({ request, params }) => handleLiveCode(request, params.code ?? '')
