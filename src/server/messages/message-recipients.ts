import "@/server/server-only";
import { practitionerAccess } from "../access/practitioner-decision";
import type { ProfessionalCard } from "../fhir/directory-search";
import type { Repository } from "../fhir/repository";

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
  const ids = [...new Set(rules.authorisations.map((a) => a.practitionerId))].filter(
    (practitionerId) => practitionerAccess({ kind: "practitioner", accountId: "", practitionerId }, rules, now).ground === "authorised",
  );
  const cards = await repo.describeProfessionals(ids);
  return [...cards.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
