/** The part of autocannon 8 (CommonJS, no bundled types) that the load benchmark uses. */
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
  }
  interface Stat {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  export interface Result {
    /** `total`: requests answered; `sent`: requests sent (the rest were still in flight when time ran out). */
    requests: Stat & { total: number; sent: number };
    latency: Stat;
    throughput: Stat;
    errors: number;
    timeouts: number;
    non2xx: number;
    totalRequests: number;
    duration: number;
  }
  interface Instance extends PromiseLike<Result> {
    stop(): void;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
