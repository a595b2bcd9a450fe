import "@/server/server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "../access/actor";
import type { CurrentSession } from "../auth/check-session";
import { getCurrentSession, requireSession } from "../auth/current-session";
import { requestContext } from "../auth/request-context";
import { actorAndRulesForSession } from "../auth/actor-for-session";
import { createRepository, type Repository } from "../fhir/repository";

/**
 * The repository of the current request, built once for its actor, with what the audit rows
 * record of the request (address, user agent, the name shown to the patient in their history).
 */
export type RequestScope = { session: CurrentSession; actor: Actor; repo: Repository };

async function scopeFor(session: CurrentSession): Promise<RequestScope | undefined> {
  const { actor, rules } = await actorAndRulesForSession(session);
  if (!actor) return undefined;
  const repo = await createRepository(actor, await requestContext(session));
  // A caregiver's space: the rules just read to find the actor are the request's (a read less per page).
  if (rules) repo.knowRules(rules);
  return { session, actor, repo };
}

/**
 * For a page and its layout: one scope per request (React's `cache`, keyed by the request's
 * memoised session), so they share the actor, worked out once, and the repository, whose rules
 * are read once per request (a caregiver's documents page loaded rules six times, the layout's
 * and the page's own; four now). Outside a render (route handlers, server actions)
 * `cache` does not memoise: each call builds its own scope, as before.
 */
export const pageScopeOf = cache(scopeFor);

/**
 * For pages: the scope, or off to the sign-in page; an account past its reads of the minute
 * (read-limit.ts) goes to a page that says so in words rather than an error page.
 */
export async function requirePageScope(): Promise<RequestScope> {
  const session = await requireSession();
  const scope = await pageScopeOf(session);
  if (!scope) throw new Error("Compte sans ressource FHIR valide");
  if (scope.repo.readRefusal()) redirect("/trop-de-demandes");
  return scope;
}

/** For route handlers: the scope, or undefined (the handler answers 401 or 404 itself). */
export async function optionalRequestScope(): Promise<RequestScope | undefined> {
  const session = await getCurrentSession();
  return session ? scopeFor(session) : undefined;
}
