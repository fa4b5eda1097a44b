// The yardstick for the page cache: a plain Node static file server, as a CDN-less deployment
// would serve a pre-rendered page (stat, then stream the file from disk).
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'

const [, , file, port] = process.argv
createServer((request, response) => {
  const info = statSync(file)
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': info.size })
  createReadStream(file).pipe(response)
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
