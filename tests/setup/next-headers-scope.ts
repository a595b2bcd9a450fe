import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Stands in for `next/headers` in every integration test (mocked once for all files by
 * tests/setup/next-headers-mock.ts): Next only gives `cookies()` and `headers()` inside its own
 * server, so the tests run each route call inside a scope that holds the real Request, and these
 * read its real Cookie and other headers. Everything after that (decoding the session JWT,
 * checking the server session row, resolving the actor) is the application's own code.
 *
 * The scope also keeps the cookies a route sets or deletes, so an account test's server can send
 * them back as Set-Cookie the way Next does (inAuthScope), and a later read in the same request
 * sees them, as in Next.
 *
 * Why one stand-in for all files: the integration files share their workers' module cache
 * (vitest.config.ts, `isolate: false`), so the first `next/headers` a worker loads is the one
 * every later file gets. Two stand-ins with two stores would each find the other's scope empty.
 */
type Scope = { request: Request; set: Map<string, { value: string; maxAge?: number }> };
const current = new AsyncLocalStorage<Scope>();

/** Runs `fn` as Next would run a route or page for `request`. */
export function inRequestScope<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  return current.run({ request, set: new Map() }, fn);
}

/** As inRequestScope, and returns the cookies the route set or deleted (deleted: value ""). */
export function inAuthScope<T>(request: Request, fn: () => Promise<T>): Promise<{ result: T; setCookies: Scope["set"] }> {
  const scope: Scope = { request, set: new Map() };
  return current.run(scope, async () => ({ result: await fn(), setCookies: scope.set }));
}

function scope(): Scope {
  const found = current.getStore();
  if (!found) throw new Error("next/headers used outside a request scope");
  return found;
}

/** Of two cookies of the same name, the first is kept (a browser sends the longer path's first). */
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
  const s = scope();
  const jar = parseCookies(s.request.headers.get("cookie"));
  for (const [name, { value }] of s.set) {
    if (value === "") jar.delete(name);
    else jar.set(name, value);
  }
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) ?? "" } : undefined),
    has: (name: string) => jar.has(name),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => void s.set.set(name, { value, maxAge: options?.maxAge }),
    delete: (name: string) => void s.set.set(name, { value: "" }),
  };
}

export async function headers(): Promise<Headers> {
  return scope().request.headers;
}

export async function draftMode() {
  return { isEnabled: false, enable: () => undefined, disable: () => undefined };
}
