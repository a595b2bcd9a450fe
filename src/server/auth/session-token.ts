import "server-only";
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

/** The server session id inside a session cookie's value, if the cookie is genuine. */
export async function sessionIdFromToken(token: string | undefined): Promise<string | undefined> {
  if (!token) return undefined;
  try {
    const payload = await decode({ token, secret: secrets().authSecret });
    return typeof payload?.sid === "string" ? payload.sid : undefined;
  } catch {
    return undefined;
  }
}
