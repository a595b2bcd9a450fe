import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Stands in for `next/headers` in the API tests (vi.mock): Next only gives `cookies()` and
 * `headers()` inside its own server, so the tests run each route call inside a scope that
 * holds the real Request, and these read its real Cookie and other headers. Everything after
 * that (decoding the session JWT, checking the server session row, resolving the actor) is
 * the application's own code.
 */
const current = new AsyncLocalStorage<Request>();

export function inRequestScope<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  return current.run(request, fn);
}

function scopedRequest(): Request {
  const request = current.getStore();
  if (!request) throw new Error("next/headers used outside a request scope");
  return request;
}

function parseCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (!jar.has(name)) jar.set(name, part.slice(at + 1).trim());
  }
  return jar;
}

export async function cookies() {
  const jar = parseCookies(scopedRequest().headers.get("cookie"));
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) ?? "" } : undefined),
    has: (name: string) => jar.has(name),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: () => undefined,
    delete: () => undefined,
  };
}

export async function headers(): Promise<Headers> {
  return scopedRequest().headers;
}

export async function draftMode() {
  return { isEnabled: false, enable: () => undefined, disable: () => undefined };
}
