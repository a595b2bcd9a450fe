import "server-only";
import { headers } from "next/headers";
import type { Actor } from "../access/actor";
import type { RequestContext } from "../audit/audit-entry";
import type { CurrentSession } from "../auth/check-session";
import { getCurrentSession, requireSession } from "../auth/current-session";
import { actorForSession } from "../auth/require-actor";
import { createRepository, type Repository } from "../fhir/repository";
import { clientAddress, userAgentOf } from "../http/client-address";

/**
 * The repository of the current request, built once for its actor, with what the audit rows
 * record of the request (address, user agent, the name shown to the patient in their history).
 */
export type RequestScope = { session: CurrentSession; actor: Actor; repo: Repository };

async function scopeFor(session: CurrentSession): Promise<RequestScope | undefined> {
  const actor = await actorForSession(session);
  if (!actor) return undefined;
  const requestHeaders = await headers();
  const ctx: RequestContext = {
    address: clientAddress(requestHeaders),
    userAgent: userAgentOf(requestHeaders) ?? undefined,
    agentName: session.account.displayName,
  };
  return { session, actor, repo: await createRepository(actor, ctx) };
}

/** For pages: the scope, or off to the sign-in page. */
export async function requirePageScope(): Promise<RequestScope> {
  const session = await requireSession();
  const scope = await scopeFor(session);
  if (!scope) throw new Error("Compte sans ressource FHIR valide");
  return scope;
}

/** For route handlers: the scope, or undefined (the handler answers 401 or 404 itself). */
export async function optionalRequestScope(): Promise<RequestScope | undefined> {
  const session = await getCurrentSession();
  return session ? scopeFor(session) : undefined;
}
