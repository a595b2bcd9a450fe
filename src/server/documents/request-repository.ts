import "@/server/server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { CurrentSession } from "../auth/check-session";
import { getCurrentSession, requireSession } from "../auth/current-session";
import { requestContext } from "../auth/request-context";
import { scopeFor, type RequestScope } from "./request-scope";

export type { RequestScope };

/** The scope of the current request (its session's actor, and a repository for it). */
async function scopeOf(session: CurrentSession): Promise<RequestScope | undefined> {
  return scopeFor(session, await requestContext(session));
}

/**
 * For a page and its layout: one scope per request (React's `cache`, keyed by the request's
 * memoised session), so they share the actor, worked out once, and the repository, whose rules
 * are read once per request (a caregiver's documents page loaded rules six times, the layout's
 * and the page's own; four now). Outside a render (route handlers, server actions)
 * `cache` does not memoise: each call builds its own scope, as before.
 */
export const pageScopeOf = cache(scopeOf);

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
  return session ? scopeOf(session) : undefined;
}
