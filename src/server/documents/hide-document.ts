import "@/server/server-only";
import type { Consent, DocumentReference } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { forbidden } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { hideConsentsOf } from "./hide-consents";
import { mayManagePrivacy } from "./privacy-rights";

/**
 * Hides a document from every professional, including those the patient authorised: one
 * "hide" Consent naming it (the stored form of the rule that decide() reads on each request).
 * Hiding a hidden document changes nothing.
 */
export async function hideDocument(repo: Repository, documentId: string, now: Date = repo.now()): Promise<void> {
  // Read first: a document the actor cannot see answers 404 like one that does not exist.
  const document = await repo.read<DocumentReference>("DocumentReference", documentId);
  const patientId = document.subject?.reference?.replace(/^Patient\//, "") ?? "";
  if (!(await mayManagePrivacy(repo, patientId))) throw forbidden();
  if ((await hideConsentsOf(repo, patientId, documentId)).length > 0) return;
  const consent: Consent = {
    resourceType: "Consent",
    status: "active",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
    category: [{ coding: [{ system: SYSTEMS.consentRule, code: "hide" }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: now.toISOString(),
    policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTOUT" }] },
    provision: {
      type: "deny",
      data: [{ meaning: "instance", reference: { reference: `DocumentReference/${documentId}` } }],
    },
  };
  await repo.create(consent);
}
