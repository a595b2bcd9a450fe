import "@/server/server-only";
import { practitionerAccess } from "../access/practitioner-decision";
import type { ProfessionalCard } from "../fhir/directory-search";
import type { Repository } from "../fhir/repository";
import type { PatientRules } from "../access/rules";

/**
 * The professionals the patient's side may write to: those the patient's rules let in now on an
 * authorisation (not blocked, grant not ended; break-glass is no ground). Empty for whoever may
 * not write messages in this space. The repository refuses any other recipient anyway.
 */
export async function messageRecipients(repo: Repository, patientId: string): Promise<ProfessionalCard[]> {
  const may = await repo.decideOn("create", { resourceType: "Communication", patientId, confidentiality: "N", labels: [] });
  if (!may.allow || repo.actor.kind === "practitioner") return [];
  const rules = await repo.rules(patientId);
  const now = repo.now();
  const ids = [...new Set(rules.authorisations.map((a) => a.practitionerId))].filter((practitionerId) => reachable(rules, practitionerId, now));
  const cards = await repo.describeProfessionals(ids);
  return [...cards.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** Whether the rules let this professional in now on an authorisation: who may be written to. */
function reachable(rules: PatientRules, practitionerId: string, now: Date): boolean {
  return practitionerAccess({ kind: "practitioner", accountId: "", practitionerId }, rules, now).ground === "authorised";
}

/**
 * Whether the professional of a conversation may still be written to, as messageRecipients
 * decides: a conversation's reply form is not offered to write to someone the patient has since
 * blocked, or whose access ended (the repository refuses the message anyway).
 */
export async function mayStillWriteTo(repo: Repository, patientId: string, practitionerId: string): Promise<boolean> {
  return reachable(await repo.rules(patientId), practitionerId, repo.now());
}
