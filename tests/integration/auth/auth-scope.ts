import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Stands in for `next/headers` in the account tests (vi.mock), like the API tests' scope, but
 * also keeps the cookies a route sets or deletes, so the test server can send them back as
 * Set-Cookie the way Next does.
 */
type Scope = { request: Request; set: Map<string, { value: string; maxAge?: number }> };
const current = new AsyncLocalStorage<Scope>();

export function inAuthScope<T>(request: Request, fn: () => Promise<T>): Promise<{ result: T; setCookies: Scope["set"] }> {
  const scope: Scope = { request, set: new Map() };
  return current.run(scope, async () => ({ result: await fn(), setCookies: scope.set }));
}

function scope(): Scope {
  const found = current.getStore();
  if (!found) throw new Error("next/headers used outside a request scope");
  return found;
}

function parseCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
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
