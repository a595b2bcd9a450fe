import "@/server/server-only";
import { actorForSession } from "../auth/actor-for-session";
import { checkSession } from "../auth/check-session";
import { currentAuthCookies, sessionIdFromToken } from "../auth/session-token";
import { requestContextOf } from "../http/client-address";
import { cookieFrom } from "../sharing/share-result-cookie";
import type { Caller } from "./caller";

/**
 * The caller of a request from its own headers: the session cookie (checked against the server
 * row, as callerFromSession does) and the address and agent for the audit rows. For the API
 * server (src/server/fhir-api/node-handler.ts), which answers outside Next's request scope, where
 * `cookies()` and `headers()` do not exist.
 */
export async function callerFromRequest(request: Request): Promise<Caller | undefined> {
  const token = cookieFrom(request.headers.get("cookie"), currentAuthCookies().sessionToken.name);
  const sessionId = await sessionIdFromToken(token);
  const session = sessionId ? await checkSession(sessionId, new Date()) : undefined;
  if (!session) return undefined;
  const actor = await actorForSession(session);
  if (!actor) return undefined;
  return { actor, ctx: requestContextOf(request.headers, session.account.displayName) };
}
