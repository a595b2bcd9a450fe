import "@/server/server-only";
import type { CodeableConcept, Resource } from "@medplum/fhirtypes";
import { spaceOf, type Actor } from "../access/actor";
import type { RequestContext } from "../audit/audit-entry";
import { titleOf } from "../documents/document-summary";
import { notFound } from "../fhir/errors";
import { createPreviewRepository } from "../fhir/preview-repository";
import type { Repository } from "../fhir/repository";
import { listMyLinks } from "../sharing/list-my-links";
import { privacySpace } from "./privacy-space";
import type { ViewerChoice } from "./preview-viewer";

/**
 * "Voir comme…": the record as the chosen viewer gets it, computed by the same decide() and SQL
 * row filter as their own requests (PreviewRepository), inside the patient's request, with no
 * credential of any kind issued for them. What is shown is also limited to what the person
 * previewing may see themself: a guardian previewing as a doctor must not see what the minor
 * keeps secret from guardians, a caregiver must not widen their own view through a preview.
 */
export const PREVIEW_TYPES = ["DocumentReference", "MedicationRequest", "Immunization", "Condition", "AllergyIntolerance", "Observation"] as const;
export type PreviewType = (typeof PREVIEW_TYPES)[number];
export const PREVIEW_ITEMS = 50;

export type PreviewSection = { type: PreviewType; total: number; items: { id: string; label: string; date?: string }[] };
export type Preview = { viewer: ViewerChoice; sections: PreviewSection[] };

/** A practitioner id no directory entry has: the "médecin urgentiste" of the emergency preview, authorised by nobody, blocked by nobody. */
export const EMERGENCY_PREVIEW_PRACTITIONER = "00000000-0000-4000-8000-0000000e0e0e";

async function viewerActor(repo: Repository, patientId: string, choice: ViewerChoice): Promise<Actor | undefined> {
  const now = repo.now();
  switch (choice.kind) {
    case "professional":
      await repo.read("Practitioner", choice.practitionerId);
      return { kind: "practitioner", accountId: "preview", practitionerId: choice.practitionerId };
    case "emergency":
      return {
        kind: "practitioner",
        accountId: "preview",
        practitionerId: EMERGENCY_PREVIEW_PRACTITIONER,
        emergency: { patientId, until: new Date(now.getTime() + 60_000), reason: "Aperçu" },
      };
    case "caregiver": {
      const delegation = (await repo.rules(patientId)).delegations.find((d) => d.relatedPersonId === choice.relatedPersonId);
      if (!delegation) throw notFound();
      return { kind: delegation.kind, accountId: "preview", selfPatientId: delegation.agentPatientId, patientId, relatedPersonId: delegation.relatedPersonId };
    }
    case "link": {
      const link = ((await listMyLinks(repo)) ?? []).find((l) => l.id === choice.linkId);
      if (!link) throw notFound();
      // A link that no longer opens shows nothing: no actor at all, as for the pharmacist.
      return link.state === "active" ? { kind: "link", linkId: link.id, patientId, prescriptionId: link.prescriptionId, pharmacy: "Aperçu" } : undefined;
    }
  }
}

const textOf = (concept: CodeableConcept | undefined) => concept?.text ?? concept?.coding?.[0]?.display ?? concept?.coding?.[0]?.code;

function labelOf(resource: Resource): { label: string; date?: string } {
  switch (resource.resourceType) {
    case "DocumentReference":
      return { label: titleOf(resource) ?? "Document", date: resource.date };
    case "MedicationRequest":
      return { label: textOf(resource.medicationCodeableConcept) ?? "Médicament", date: resource.authoredOn };
    case "Immunization":
      return { label: textOf(resource.vaccineCode) ?? "Vaccination", date: resource.occurrenceDateTime };
    case "Condition":
    case "AllergyIntolerance":
      return { label: textOf(resource.code) ?? resource.resourceType, date: resource.recordedDate };
    case "Observation":
      return { label: textOf(resource.code) ?? "Mesure", date: resource.effectiveDateTime };
    default:
      return { label: resource.resourceType };
  }
}

export async function previewAs(repo: Repository, choice: ViewerChoice, ctx: RequestContext = {}): Promise<Preview> {
  const patientId = await privacySpace(repo);
  const viewer = await viewerActor(repo, patientId, choice);
  const sections: PreviewSection[] = [];
  if (!viewer) return { viewer: choice, sections: PREVIEW_TYPES.map((type) => ({ type, total: 0, items: [] })) };
  const preview = await createPreviewRepository(viewer, repo.actor, ctx);
  // The patient in their own space sees all of it; anyone else previews within their own view.
  const owner = repo.actor.kind === "patient" && spaceOf(repo.actor) === patientId;
  for (const type of PREVIEW_TYPES) {
    const seen = await preview.search<Resource>(type, { patientId, count: PREVIEW_ITEMS, total: true });
    let resources = seen.resources;
    if (!owner && resources.length > 0) {
      const mine = await repo.search<Resource>(type, { patientId, ids: resources.map((r) => r.id ?? ""), count: resources.length });
      const allowed = new Set(mine.resources.map((r) => r.id));
      resources = resources.filter((r) => allowed.has(r.id));
    }
    sections.push({
      type,
      total: owner ? (seen.total ?? resources.length) : resources.length,
      items: resources.map((resource) => ({ id: resource.id ?? "", ...labelOf(resource) })),
    });
  }
  return { viewer: choice, sections };
}
