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

/**
 * Every given request in turn on 10 connections for `seconds`, nothing measured: a server that has
 * served for a while has compiled its code (V8 optimises a function only after many calls, on
 * other threads, and kept doing so for 10 s and more under load here), and that is the state
 * people meet; a page measured 2 s after its first request was measured while its code still
 * compiled (documents page, same build: 200 views/s after 3 s of warm-up, 255 after 15 s).
 */
export async function warmUp(baseUrl: string, requests: { path: string; headers: Record<string, string> }[], seconds: number): Promise<void> {
  if (seconds <= 0 || requests.length === 0) return;
  await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      { url: baseUrl, connections: 10, duration: seconds, requests: requests.map(({ path, headers }) => ({ method: "GET", path, headers })) },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}
