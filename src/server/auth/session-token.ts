import "@/server/server-only";
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
 * stops at once whatever this remembers. Bounded: the oldest entry goes first.
 */
const opened = new Map<string, { sid: string; expiresAtMs: number }>();
const MAX_OPENED = 10_000;

/** The server session id inside a session cookie's value, if the cookie is genuine. */
export async function sessionIdFromToken(token: string | undefined): Promise<string | undefined> {
  if (!token) return undefined;
  const known = opened.get(token);
  if (known && Date.now() < known.expiresAtMs) return known.sid;
  if (known) opened.delete(token);
  try {
    const payload = await decode({ token, secret: secrets().authSecret });
    if (typeof payload?.sid !== "string") return undefined;
    if (typeof payload.exp === "number") {
      if (opened.size >= MAX_OPENED) opened.delete(opened.keys().next().value!);
      opened.set(token, { sid: payload.sid, expiresAtMs: payload.exp * 1000 });
    }
    return payload.sid;
  } catch {
    return undefined;
  }
}
