// Prints where a V8 CPU profile spent its time: the functions with the most self time, and the
// files (node_modules packages grouped) they live in. For the profiles `BENCH_CPU_PROF=<dir>`
// makes bench/intake.ts write. Usage: npx tsx bench/profile-top.ts <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
const [file, rowsArg] = process.argv.slice(2)
if (!file) throw new Error('Usage: npx tsx bench/profile-top.ts <file.cpuprofile> [rows]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] }
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfMs = new Map<number, number>()
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
const total = [...selfMs.values()].reduce((a, b) => a + b, 0)

/** A file's place: its package for node_modules, else its path in the project. */
const place = (url: string) => {
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (pkg) return pkg[1]!
  return url.replace(/^file:\/\/.*?\/(site|cms|functions|dist|scripts|themes)\//, '$1/') || '(native)'
}
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms)
const functions = new Map<string, number>()
const places = new Map<string, number>()
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame
  add(functions, `${functionName || '(anonymous)'} ${place(url)}:${lineNumber + 1}`, ms)
  add(places, place(url), ms)
}
const top = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rowsArg ?? 25))
    .map(([name, ms]) => ({ name, ms: Math.round(ms), share: `${((ms / total) * 100).toFixed(1)}%` }))
console.log(`${file}: ${Math.round(total)} ms sampled`)
console.table(top(places))
console.table(top(functions))
