import type { APIRoute } from 'astro'

import { handleGroupCode } from '../../../lib/wecom/group-code'

/** The WeChat group QR code a campaign link shows now: /wecom/group-code/<code> (302 to the image). */
export const GET: APIRoute = ({ request, params }) => handleGroupCode(request, params.code ?? '')
