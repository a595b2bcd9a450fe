import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { mayReadTrail } from "../audit/may-read-trail";
import { idOfRef, resolveActor } from "../auth/resolve-actor";
import type { RequestScope } from "../documents/request-scope";
import { readSpacePatient } from "../delegations/space-patient-name";
import { createRepository } from "../fhir/repository";
import { unsafeUnreadInSpacesOfAgent } from "../fhir/unread-in-agent-spaces";
import { mayListTies, TOLD_TO_TIES_READERS } from "./notices-of-ties";

/** A space the person acts in, other than those her list shows, and how many of its notices are unread. */
export type UnreadElsewhere = { patientId: string; name: string; unread: number };

/**
 * What the notifications page of Camille's own space says of the spaces she acts in: « Dans
 * l'espace de Léo Martin : 2 notifications non lues », with the way there. Only a space she may
 * act in now (the actor a session there would have, as switchSpace decides) and read the notices
 * of (its trail, the rule of notification-owners.ts), decided by decide() as that guardian or
 * caregiver, read as such (his name) and recorded in that person's trail. The counts and the
 * rules come in one statement, whatever the number of spaces; the audit rows go in the page's
 * INSERT (auditAlongside). A space with nothing unread is not mentioned, and nothing of it shown.
 */
export async function unreadInOtherSpaces(scope: RequestScope, listed: readonly string[]): Promise<UnreadElsewhere[]> {
  const { session, repo, ctx } = scope;
  const self = idOfRef(session.account.fhirRef, "Patient");
  if (!self || session.account.kind !== "patient") return [];
  const now = repo.now();
  const found = await unsafeUnreadInSpacesOfAgent(self, listed, TOLD_TO_TIES_READERS);
  const shown = await Promise.all(
    found.map(async ({ patientId, unread: all, toldToTiesReaders, rules }): Promise<UnreadElsewhere | undefined> => {
      const agent = resolveActor({ ...session, activeSpace: `Patient/${patientId}` }, rules.delegations, now);
      if (!agent || agent.kind === "patient" || !("patientId" in agent) || agent.patientId !== patientId) return undefined;
      const spaceRepo = await createRepository(agent, ctx);
      spaceRepo.knowRules(rules);
      spaceRepo.auditAlongside(repo);
      if (!(await mayReadTrail(spaceRepo, patientId, "search"))) return undefined;
      // Counted as her list there counts them (notification-owners.ts): without the news of its ties, unless she may list them.
      const unread = toldToTiesReaders > 0 && !(await mayListTies(spaceRepo, patientId)) ? all - toldToTiesReaders : all;
      if (unread === 0) return undefined;
      const patient = await readSpacePatient(spaceRepo, patientId).catch((): Patient | undefined => undefined);
      if (!patient) return undefined;
      await spaceRepo.audit({ patientId, entity: "Notification", interaction: "search", outcome: "success" });
      return { patientId, name: formatHumanName(patient.name) ?? patientId, unread };
    }),
  );
  return shown.filter((space): space is UnreadElsewhere => space !== undefined).sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
