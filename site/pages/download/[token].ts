import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'

import type { APIRoute } from 'astro'

import { followDownload } from '../../lib/downloads'
import { plainPage } from '../../lib/plain-page'

const page = (status: number, title: string, text: string) => plainPage(status, title, `<h1>${title}</h1><p>${text}</p>`)

/** A file name for Content-Disposition: ASCII for old clients, and the name itself as RFC 5987 UTF-8. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/**
 * A content offer's signed link, from the email or the thank-you message: streams the PDF as an
 * attachment and counts the download on the lead; 410 once its seven days are over, 404 for a link
 * that was not made here (forged or altered) or whose document is gone. Never cached: each link is
 * one person's.
 */
export const GET: APIRoute = async ({ params }) => {
  const outcome = await followDownload(params.token, new Date())
  if (outcome.status === 410)
    return page(
      410,
      'This download link has expired · 下载链接已过期',
      'Download links work for seven days. Fill in the form on our site again to get a new link. · ' +
        '下载链接七天内有效。请在网站上重新填写表单以获取新链接。',
    )
  if (outcome.status !== 200)
    return page(
      404,
      'This download link is not valid · 下载链接无效',
      'Use the link exactly as it came in your email, or fill in the form on our site again. · ' +
        '请使用邮件中的完整链接，或在网站上重新填写表单。',
    )
  return new Response(Readable.toWeb(createReadStream(outcome.file)) as ReadableStream, {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(outcome.size),
      'content-disposition': attachment(outcome.filename),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}
