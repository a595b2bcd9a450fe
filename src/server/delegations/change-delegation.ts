import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { widensDelegation } from "../access/delegation-widening";
import type { Scope } from "../access/scopes";
import { inPrisma } from "../db/queryable";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { revoked, withRights } from "./delegation-resource";
import { endDayAllowed } from "./invitation-state";
import { caregiverDelegation, managedSpaceUntil } from "./managed-space";
import { endDayRefused } from "./relatives-refusal";
import { widenAfterPause } from "./widen-after-pause";

/**
 * Changes a caregiver's rights and last day (at most three years ahead, the day included), or
 * ends the delegation at once. Each is a new version of the RelatedPerson: decide() reads it at
 * the caregiver's very next request. Fewer rights or an earlier end apply at once; more rights
 * or a later end only after the 24-hour pause (widen-after-pause.ts). The caregiver is told.
 */
export async function changeDelegation(
  repo: Repository,
  relatedPersonId: string,
  change: { scopes: readonly Scope[]; endDay: string },
): Promise<{ pausedUntil?: Date }> {
  const { patientId, person, delegation } = await caregiverDelegation(repo, relatedPersonId);
  if (!delegation.active) throw notFound();
  if (!endDayAllowed(change.endDay, repo.now(), await managedSpaceUntil(repo))) throw endDayRefused();
  const next = withRights(person, change.scopes, change.endDay);
  // Giving more waits out the pause against pressure, like an invitation; taking away is at once.
  if (widensDelegation(patientId, next, person, repo.now())) {
    return { pausedUntil: await widenAfterPause(repo, person, next, { patientId, agentPatientId: delegation.agentPatientId }) };
  }
  await writeAndTell(repo, next, delegation.agentPatientId, "delegation-changed");
  return {};
}

/** "Retirer": the delegation stops at the caregiver's next request (active=false, kept in the record's history). */
export async function revokeDelegation(repo: Repository, relatedPersonId: string): Promise<"revoked" | "already"> {
  const { person, delegation } = await caregiverDelegation(repo, relatedPersonId);
  if (!delegation.active) return "already";
  await writeAndTell(repo, revoked(person), delegation.agentPatientId, "delegation-revoked");
  return "revoked";
}

async function writeAndTell(repo: Repository, next: RelatedPerson, agentPatientId: string, kind: "delegation-changed" | "delegation-revoked"): Promise<void> {
  await repo.transaction(async ({ tx, update }) => {
    const written = await update<RelatedPerson>(next);
    // Told in the caregiver's own space; the e-mail says only that something changed.
    await notify(inPrisma(tx), { patientId: agentPatientId, kind, link: "/espace/proches", dedupeKey: `${kind}:${written.id}:${written.meta?.versionId ?? ""}` });
  });
}
