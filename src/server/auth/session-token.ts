import "@/server/server-only";
import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";
import { env } from "../env";
import { secrets } from "../secrets";
import { authCookies } from "./cookie-names";

/**
 * The session cookie: its name in this environment, and the server session id inside it
 * (next-auth's encrypted JWT holds only that id). Free of Next's request scope, so the API
 * server (src/server/fhir-api/node-handler.ts) reads it from a plain request too.
 */
export function currentAuthCookies() {
  return authCookies(env().APP_ENV === "production");
}

/**
 * Cookies already opened, by their exact value: decoding derives the key (HKDF) and decrypts
 * (AES-GCM) each time, 6% of the CPU of an API search in the benchmark, for the same cookie on
 * every request of a session. Only genuine cookies get here, each until the expiry sealed in
 * it; the session row is still read on every request (check-session.ts), so a revoked session
 * stops at once whatever this remembers. Bounded: the least recently used entry goes first.
 * Timed by the wall clock (`perf`), as the expiry sealed in a cookie is.
 */
const opened = new LRUCache<string, string>({ max: 10_000, perf: { now: () => Date.now() } });

/** The server session id inside a session cookie's value, if the cookie is genuine. */
export async function sessionIdFromToken(token: string | undefined): Promise<string | undefined> {
  if (!token) return undefined;
  const known = opened.get(token);
  if (known) return known;
  try {
    const payload = await decode({ token, secret: secrets().authSecret });
    if (typeof payload?.sid !== "string") return undefined;
    const ttl = typeof payload.exp === "number" ? payload.exp * 1000 - Date.now() : 0;
    if (ttl > 0) opened.set(token, payload.sid, { ttl });
    return payload.sid;
  } catch {
    return undefined;
  }
}
