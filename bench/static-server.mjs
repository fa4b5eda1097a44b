// The yardstick for the page cache: a plain Node static file server, as a CDN-less deployment
// would serve a pre-rendered page (stat, then stream the file from disk). An optional third argument
// is the file's Content-Encoding, for a file compressed beforehand (bench/production.ts).
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'

const [, , file, port, encoding] = process.argv
createServer((request, response) => {
  const info = statSync(file)
  const compressed = encoding && encoding !== 'identity' ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': info.size, ...compressed })
  createReadStream(file).pipe(response)
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
