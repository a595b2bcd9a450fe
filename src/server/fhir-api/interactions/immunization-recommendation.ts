import "@/server/server-only";
import { spaceOf, type Actor } from "../../access/actor";
import { invalid, notFound } from "../../fhir/errors";
import { isUuid } from "../../fhir/ids";
import type { Repository } from "../../fhir/repository";
import { preventionOf, CURRENT_CALENDAR } from "../../prevention/evaluate-patient";
import { preventionRefusal } from "../../prevention/prevention-refusal";
import { toImmunizationRecommendation } from "../../prevention/to-immunization-recommendation";
import { searchBundle } from "../bundle";
import { fhirJson } from "../responses";

/**
 * GET ImmunizationRecommendation?patient=<id>: computed, not stored. The engine runs on what
 * the caller may read of the patient's record: the Patient read and the searches go through
 * the repository (decided, audited), and reading the vaccinations must be allowed, or the
 * answer is the same 404 as for a patient who does not exist. One more audit row names the
 * recommendation itself. A searchset Bundle with one ImmunizationRecommendation.
 */
export const COMPUTED_TYPE = "ImmunizationRecommendation";

export async function immunizationRecommendationSearch({ url, actor, repo, base }: { url: URL; actor: Actor; repo: Repository; base: string }): Promise<Response> {
  const patientId = patientParam(url.searchParams) ?? spaceOf(actor);
  if (!patientId) throw invalid("Le paramètre « patient » est obligatoire.");
  if (!isUuid(patientId)) throw notFound();
  const id = patientId.toLowerCase();
  // Prevention is for the professionals the patient authorises, as on their prevention tab: not
  // under emergency access alone (the API gave it to the emergency physician; found by the attack round).
  const refusal = await preventionRefusal(repo, id);
  if (refusal) {
    await repo.audit({ patientId: id, entity: COMPUTED_TYPE, interaction: "search", outcome: "denied", reason: refusal });
    throw notFound();
  }
  const { items, date } = await preventionOf(repo, id);
  await repo.audit({ patientId: id, entity: COMPUTED_TYPE, interaction: "search", outcome: "success", detail: { calendar: CURRENT_CALENDAR.id } });
  const resource = toImmunizationRecommendation(id, date, items, `${CURRENT_CALENDAR.title} (${CURRENT_CALENDAR.id})`);
  const canonical: [string, string][] = [["patient", id]];
  return fhirJson(searchBundle(base, COMPUTED_TYPE, items.length > 0 ? [resource] : [], canonical, { offset: 0, count: 1, hasMore: false, total: items.length > 0 ? 1 : 0 }));
}

/** `patient=<id>` or `patient=Patient/<id>`, once; any other parameter but _format=json is refused. */
function patientParam(params: URLSearchParams): string | undefined {
  let patient: string | undefined;
  for (const [name, value] of params) {
    if (name === "_format" && (value === "json" || value === "application/fhir+json")) continue;
    if (name !== "patient" || patient !== undefined) throw invalid("Paramètres de recherche invalides : seul « patient » est accepté, une fois.");
    patient = value.startsWith("Patient/") ? value.slice("Patient/".length) : value;
  }
  return patient;
}
