// GET /wecom/group-code/<code>: the WeChat group a campaign link sends people to now (302 to its QR
// image), counted per group; an editor marks a group full in the CMS and the next one is shown.
import { currentGroupCode } from '../../../cms/wecom/group-code'
import { isBot } from '../../../functions/attribution/bots'
import { cms } from '../cms'

const NO_STORE = { 'cache-control': 'private, no-store', 'content-type': 'text/plain; charset=utf-8' }

export async function handleGroupCode(request: Request, code: string): Promise<Response> {
  if (!/^[a-z0-9-]{2,32}$/.test(code)) return new Response('Not found', { status: 404, headers: NO_STORE })
  const found = await currentGroupCode(await cms(), code, { count: !isBot(request.headers.get('user-agent'), request.method) })
  if (!found) return new Response('Not found', { status: 404, headers: NO_STORE })
  return new Response(null, { status: 302, headers: { ...NO_STORE, location: found.image } })
}
