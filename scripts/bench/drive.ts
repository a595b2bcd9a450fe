import autocannon from "autocannon";

export type LoadResult = { label: string; requestsPerSec: number; p50: number; p99: number; non2xx: number; errors: number };

/** 50 connections on one URL for `seconds`, after a short warm-up; medians come from autocannon's histogram. */
export async function drive(label: string, url: string, headers: Record<string, string>, seconds = 10): Promise<LoadResult> {
  await run(url, headers, 2, 10);
  const result = await run(url, headers, seconds, 50);
  return {
    label,
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function run(url: string, headers: Record<string, string>, duration: number, connections: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
