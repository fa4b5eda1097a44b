// autocannon ships no types; the benches use this much of its API.
declare module 'autocannon' {
  interface Histogram {
    average: number
    p50: number
    p99: number
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
    /** Seconds the run took. */
    duration: number
  }
  function autocannon(options: Record<string, unknown>): Promise<Result>
  export default autocannon
}
