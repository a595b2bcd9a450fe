import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { renderPdf, type ClinicalPdf } from "../documents/render-pdf";
import { textOf, type DocumentPlan } from "./catalogue/plan";
import { aDocument, documentKindLabel } from "@/lib/fhir/builders/documents";
import { stableId } from "@/lib/fhir/builders/ids";
import { doctorName, fullName, ORGANIZATIONS, PATIENTS, PRACTITIONERS, type PatientPersona } from "@/lib/demo/personas";

export type PatientDocument = { patient: PatientPersona; plan: DocumentPlan };

export const documentIdOf = (patient: PatientPersona, plan: DocumentPlan) => plan.id ?? stableId(`${patient}/document/${plan.key}`);

/** The PDF of a plan: letterhead of the custodian, the author's name and specialty. */
export function pdfOf({ patient, plan }: PatientDocument): ClinicalPdf {
  const person = PATIENTS[patient];
  const practitioner = plan.author === "patient" ? undefined : PRACTITIONERS[plan.author];
  const custodian = plan.custodian
    ? ORGANIZATIONS[plan.custodian]
    : Object.values(ORGANIZATIONS).find((organization) => organization.id === practitioner?.organizationId);
  const uploader = PATIENTS[plan.uploader ?? patient];
  return {
    label: documentKindLabel(plan.kind),
    title: plan.title,
    patient: { name: fullName(person), birthDate: person.birthDate, gender: person.gender },
    date: plan.date,
    author: practitioner ? `${doctorName(practitioner)}, ${practitioner.specialty.label}` : fullName(uploader),
    facility: custodian
      ? { name: custodian.name, lines: [`${custodian.address.line}, ${custodian.address.postalCode} ${custodian.address.city}`, `Tél. ${custodian.phone}`] }
      : { name: fullName(uploader), lines: ["Document personnel"] },
    place: custodian?.address.city,
    sections: plan.sections,
  };
}

/**
 * Writes each plan as a real PDF and its DocumentReference (with the Binary and the encrypted
 * bytes, in one transaction). The words of the PDF are indexed from the plan itself: the seed
 * wrote them, so it need not parse its own files back.
 */
export async function seedDocuments(repo: Repository, documents: PatientDocument[]): Promise<number> {
  for (const item of documents) {
    const { patient, plan } = item;
    const bytes = Buffer.from(await renderPdf(pdfOf(item)));
    const practitioner = plan.author === "patient" ? undefined : PRACTITIONERS[plan.author];
    const custodianId = plan.custodian ? ORGANIZATIONS[plan.custodian].id : practitioner?.organizationId;
    const document = aDocument({
      id: documentIdOf(patient, plan),
      binaryId: stableId(`${patient}/binary/${plan.key}`),
      patientId: PATIENTS[patient].id,
      kind: plan.kind,
      title: plan.title,
      date: plan.date,
      author: practitioner ? `Practitioner/${practitioner.id}` : `Patient/${PATIENTS[plan.uploader ?? patient].id}`,
      custodianId,
      confidentiality: plan.confidentiality,
      related: plan.related,
      size: bytes.length,
    });
    await repo.createDocument(document, { bytes, contentType: "application/pdf" }, { indexText: textOf(plan) });
  }
  return documents.length;
}
