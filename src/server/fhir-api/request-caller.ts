import "@/server/server-only";
import { actorForSession } from "../auth/actor-for-session";
import { sessionFromHeaders } from "../auth/session-from-headers";
import { requestContextOf } from "../http/client-address";
import type { Caller } from "./caller";

/**
 * The caller of a request from its own headers: the session cookie (checked against the server
 * row, as callerFromSession does) and the address and agent for the audit rows. For the API
 * server (src/server/fhir-api/node-handler.ts), which answers outside Next's request scope, where
 * `cookies()` and `headers()` do not exist.
 */
export async function callerFromRequest(request: Request): Promise<Caller | undefined> {
  const session = await sessionFromHeaders(request.headers);
  if (!session) return undefined;
  const actor = await actorForSession(session);
  if (!actor) return undefined;
  return { actor, ctx: requestContextOf(request.headers, session.account.displayName) };
}
