// autocannon ships no types; the benches use this much of its API.
declare module 'autocannon' {
  interface Histogram {
    average: number
    p50: number
    p99: number
    max: number
    total: number
    sent?: number
  }
  interface Result {
    requests: Histogram
    latency: Histogram
    /** Bytes per second. */
    throughput: Histogram
    errors: number
    non2xx: number
    '2xx': number
    '3xx': number
    /** Seconds the run took, in whole ticks of autocannon's 1 s timer. */
    duration: number
  }
  /** The run: a promise of its result, and an emitter of its events ('response', after each answer). */
  function autocannon(options: Record<string, unknown>): Promise<Result> & import('node:events').EventEmitter
  export default autocannon
}
