// Search speed at 10,000 posts (half Chinese, half English, some mixed): index build time, index
// size, load time, and server query time (search plus snippets, one page of 10) over the
// relevance queries. Run: npx tsx bench/search.ts
import { loadavg } from 'node:os'
import { gzipSync } from 'node:zlib'

import { buildIndex, compactIndex, loadIndex, type SearchDoc, searchIndex } from '../functions/search'
import { enDocs, enQueries } from '../functions/search/fixtures/en'
import { zhDocs, zhQueries } from '../functions/search/fixtures/zh'

const POSTS = Number(process.env.BENCH_SEARCH_POSTS ?? 10_000)
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 20)

// A fixed seed, so every run indexes the same text.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const next = random(42)
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!

const zhSentences = zhDocs.flatMap((d) =>
  `${d.excerpt}${d.body}`
    .split('。')
    .filter(Boolean)
    .map((s) => `${s}。`),
)
const enSentences = enDocs.flatMap((d) => `${d.excerpt} ${d.body}`.split(/(?<=\.)\s+/).filter(Boolean))
const zhTitles = zhDocs.map((d) => d.title)
const enTitles = enDocs.map((d) => d.title)
const categories = [...new Set([...zhDocs, ...enDocs].flatMap((d) => d.categories ?? []))]

function paragraph(sentences: string[], count: number, joiner: string): string {
  return Array.from({ length: count }, () => pick(sentences)).join(joiner)
}

function generatedPost(i: number): SearchDoc {
  const chinese = i % 2 === 0
  const mixed = i % 10 === 0
  const sentences = chinese ? zhSentences : enSentences
  const joiner = chinese ? '' : ' '
  let body = Array.from({ length: 4 }, () => paragraph(sentences, 3 + Math.floor(next() * 4), joiner)).join('\n')
  if (mixed) body += `\n${paragraph(chinese ? enSentences : zhSentences, 2, ' ')}`
  return {
    id: `bench-${i}`,
    kind: 'post',
    path: `/blog/bench-${i}`,
    title: `${pick(chinese ? zhTitles : enTitles)} ${chinese ? `（第${i}篇）` : `(part ${i})`}`,
    excerpt: pick(sentences),
    body,
    categories: [pick(categories), pick(categories)],
    date: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const docs = Array.from({ length: POSTS }, (_, i) => generatedPost(i))
const textBytes = docs.reduce((n, d) => n + Buffer.byteLength(`${d.title}${d.excerpt}${d.body}`), 0)

let started = performance.now()
const built = buildIndex(docs, 'zh-CN')
const buildMs = performance.now() - started

started = performance.now()
const json = JSON.stringify(built)
const serialiseMs = performance.now() - started
const bytes = Buffer.byteLength(json)
const gzipBytes = gzipSync(json).byteLength
const compact = JSON.stringify(compactIndex(built))

started = performance.now()
const index = loadIndex(JSON.parse(json))
const loadMs = performance.now() - started

const queries = [...zhQueries, ...enQueries].map(([q]) => q)
for (const q of queries) searchIndex(index, q) // warm up
const times: number[] = []
let results = 0
for (let round = 0; round < ROUNDS; round++) {
  for (const q of queries) {
    const t = performance.now()
    results += searchIndex(index, q, { page: 1, perPage: 10 }).total
    times.push(performance.now() - t)
  }
}
times.sort((a, b) => a - b)

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`
const rows: [string, string][] = [
  ['posts indexed', `${POSTS.toLocaleString('en')} (${mb(textBytes)} of text)`],
  ['index build', ms(buildMs)],
  ['serialise (JSON.stringify)', ms(serialiseMs)],
  ['index size', `${mb(bytes)} (${bytes.toLocaleString('en')} bytes)`],
  ['index size, gzip', `${mb(gzipBytes)} (${gzipBytes.toLocaleString('en')} bytes)`],
  ['as-you-type index (JSON)', `${mb(Buffer.byteLength(compact))}, gzip ${mb(gzipSync(compact).byteLength)}`],
  ['index load (parse + lunr load)', ms(loadMs)],
  ['queries timed', `${times.length} (${queries.length} relevance queries x ${ROUNDS})`],
  ['query median', ms(percentile(times, 50))],
  ['query p99', ms(percentile(times, 99))],
  ['query max', ms(times[times.length - 1]!)],
  ['average matches per query', (results / times.length).toFixed(0)],
  ['machine load (1 min)', loadavg()[0]!.toFixed(1)],
]
const width = Math.max(...rows.map(([k]) => k.length))
console.log(`\nSearch at ${POSTS.toLocaleString('en')} posts (p99 target: under 20 ms)\n`)
for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`)
const p99 = percentile(times, 99)
console.log(`\n  p99 ${p99 < 20 ? 'meets' : 'MISSES'} the 20 ms target.\n`)
