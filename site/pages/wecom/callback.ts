import type { APIRoute } from 'astro'

import { handleWecomCallback } from '../../lib/wecom/callback'

/** The URL to enter as 企业微信's "接收事件服务器" (callback) URL: /wecom/callback. */
export const GET: APIRoute = ({ request }) => handleWecomCallback(request)
export const POST: APIRoute = ({ request }) => handleWecomCallback(request)
