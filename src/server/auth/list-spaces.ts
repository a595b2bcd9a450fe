import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { Actor } from "../access/actor";
import type { RequestContext } from "../audit/audit-entry";
import { unsafeFindDelegationsOfAgent } from "../fhir/agent-delegations";
import { createRepository } from "../fhir/repository";
import type { CurrentSession } from "./check-session";
import { delegationIsLive } from "../access/applicable-delegation";
import { idOfRef } from "./resolve-actor";

/**
 * The spaces a patient can act in: their own, and those of the patients whose live delegation
 * names them (a dependant as guardian, a relative as caregiver). Each other patient's name is
 * read through the repository as the guardian or delegate, so that read is checked and appears
 * in that patient's access history like any other.
 */
export type Space = { patientId: string; kind: "self" | "guardian" | "delegate"; name: string; current: boolean };

function nameOf(patient: Patient): string {
  return formatHumanName(patient.name) ?? patient.id ?? "";
}

export async function listSpaces(session: CurrentSession, actor: Actor, ctx: RequestContext, now: Date): Promise<Space[]> {
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  if (!selfPatientId || session.account.kind !== "patient") return [];
  const currentId = "patientId" in actor ? actor.patientId : selfPatientId;
  const spaces: Space[] = [{ patientId: selfPatientId, kind: "self", name: session.account.displayName, current: currentId === selfPatientId }];
  const delegations = (await unsafeFindDelegationsOfAgent(selfPatientId)).filter(({ delegation }) => delegationIsLive(delegation, now));
  // Each space's name at once, not one after the other: a caregiver of three people waited for
  // three rules reads, three Patient reads and three audit rows in turn on every home page
  // (issue 16); their audit rows now mostly share an INSERT (audit-batch.ts). Order kept.
  const others = await Promise.all(
    delegations.map(async ({ patientId, delegation, rules }): Promise<Space | undefined> => {
      const asAgent: Actor = {
        kind: delegation.kind,
        accountId: session.account.id,
        selfPatientId,
        patientId,
        relatedPersonId: delegation.relatedPersonId,
      };
      try {
        const repo = await createRepository(asAgent, ctx);
        // The rules just read to find the delegation: this request's, not read a second time.
        repo.knowRules(rules);
        const patient = await repo.read<Patient>("Patient", patientId);
        return { patientId, kind: delegation.kind, name: nameOf(patient), current: currentId === patientId };
      } catch {
        // Not readable after all (the decision said no): not a space this person can open.
        return undefined;
      }
    }),
  );
  spaces.push(...others.filter((space): space is Space => space !== undefined));
  return spaces;
}
