import type { APIRoute } from 'astro'

import { answerFormPost } from '../../../lib/form-post'

/**
 * Submits a lead form from a script (site/lib/form-post.ts). In production the fast path answers
 * JSON submissions before Astro; form-encoded and multipart ones, and every one in dev, come here.
 */
export const POST: APIRoute = async ({ params, request, url, clientAddress, locals }) => {
  const answer = await answerFormPost({ formId: params.id, request, url, clientAddress, stamp: locals.contentStamp ?? null })
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...answer.headers },
  })
}
