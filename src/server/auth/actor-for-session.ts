import "@/server/server-only";
import { now as clockNow } from "../clock";
import type { Actor } from "../access/actor";
import type { PatientRules } from "../access/rules";
import { rulesOfRows, unsafeRulesOf } from "../fhir/load-rules";
import { isUuid } from "../fhir/ids";
import type { CurrentSession } from "./check-session";
import { delegatedSpaceOf, resolveActor } from "./resolve-actor";

/**
 * The Actor of the current request. When the session's active space is another patient's, the
 * delegation is read again now (that patient's RelatedPersons, through the unchecked rule loader,
 * which records no audit row: it is the access check itself). A delegation that has
 * ended since the switch leaves the person in their own space, and the request knows it
 * (`lostSpace`).
 */
export async function actorForSession(session: CurrentSession, now = clockNow()): Promise<Actor | undefined> {
  return (await actorAndRulesForSession(session, now)).actor;
}

/**
 * The same, with the rules of the patient the page shows when they were read: the request's
 * repository keeps them (Repository.knowRules) rather than reading them again at its first
 * decision. A page's session brings them in its own statement (session-store.ts, spaceRows):
 * the rules of the space it acts in, or of the record a professional opens.
 */
export async function actorAndRulesForSession(
  session: CurrentSession,
  now = clockNow(),
): Promise<{ actor: Actor | undefined; rules?: PatientRules; lostSpace?: string }> {
  const brought = session.spaceRows ? rulesOfRows(session.spaceRows.patientId, session.spaceRows.rows) : undefined;
  const spaceId = delegatedSpaceOf(session);
  if (!spaceId || !isUuid(spaceId)) return { actor: resolveActor({ ...session, activeSpace: null }, [], now), rules: brought };
  // Who the request acts as precedes every decision: the rules are read unchecked, and no
  // system repository is built on this path (every request of a caregiver goes through it).
  const rules = brought?.patientId === spaceId ? brought : await unsafeRulesOf(spaceId);
  const agent = resolveActor(session, rules.delegations, now);
  if (agent) return { actor: agent, rules };
  // No live tie there any more: the person acts as themself, and the request says which space
  // the session still points at, so that nothing is done there, or in their own record in its
  // place (lost-space.ts for the pages, lost-space-answer.ts for the forms).
  return { actor: resolveActor({ ...session, activeSpace: null }, [], now), rules, lostSpace: spaceId };
}
