import "@/server/server-only";
import type { Actor } from "../access/actor";
import type { RequestContext } from "../audit/audit-entry";
import type { CurrentSession } from "../auth/check-session";
import { actorAndRulesForSession } from "../auth/actor-for-session";
import { createRepository, type Repository } from "../fhir/repository";

/**
 * The repository of a request, built once for its actor, with what the audit rows record of the
 * request (address, user agent, the name shown to the patient in their history). Free of Next's
 * request scope: the App Router's pages reach it through request-repository.ts, the Pages
 * Router's through src/server/pages/patient-page-scope.ts.
 */
export type RequestScope = {
  session: CurrentSession;
  actor: Actor;
  repo: Repository;
  ctx: RequestContext;
  /**
   * The other person's space the session still points at, though its person no longer reaches
   * it (the delegation withdrawn or ended since): `actor` is then the person themself, and
   * nothing is to be done in that space's name (lost-space.ts, lost-space-answer.ts).
   */
  lostSpace?: string;
};

export async function scopeFor(session: CurrentSession, ctx: RequestContext): Promise<RequestScope | undefined> {
  const { actor, rules, lostSpace } = await actorAndRulesForSession(session);
  if (!actor) return undefined;
  const repo = await createRepository(actor, ctx);
  // The rules a page's session brought, or read to find a caregiver's actor: the request's (a read less per page).
  if (rules) repo.knowRules(rules);
  return lostSpace ? { session, actor, repo, ctx, lostSpace } : { session, actor, repo, ctx };
}
