// The bare page of a signed link that answers outside the theme (unsubscribe, newsletter
// confirmation, content offer downloads): one small bilingual document, never cached or indexed.

/**
 * A minimal HTML page: `title` in the head, `body` (HTML, escaped by the caller) in the body.
 * @example plainPage(410, 'Expired · 已过期', '<h1>Expired · 已过期</h1>')
 */
export function plainPage(status: number, title: string, body: string): Response {
  return new Response(
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<meta name="robots" content="noindex"><title>${title}</title></head>` +
      `<body style="font-family:system-ui;max-width:32rem;margin:3rem auto;padding:0 1rem">${body}</body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  )
}
