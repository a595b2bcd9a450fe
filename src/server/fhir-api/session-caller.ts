import "@/server/server-only";
import { getCurrentSession } from "../auth/current-session";
import { requestContext } from "../auth/request-context";
import { actorForSession } from "../auth/actor-for-session";
import type { Caller } from "./caller";

/** The caller of the current request from its session cookie (checked against the server row). */
export async function callerFromSession(): Promise<Caller | undefined> {
  const session = await getCurrentSession();
  if (!session) return undefined;
  const actor = await actorForSession(session);
  if (!actor) return undefined;
  return { actor, ctx: await requestContext(session) };
}
