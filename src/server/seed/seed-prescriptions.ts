import "@/server/server-only";
import type { MedicationRequest } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";
import { frDate, type SeedClock } from "./catalogue/plan";
import { prescriptionPlans, type PrescriptionPlan } from "./catalogue/prescription-plans";
import type { PatientDocument } from "./seed-documents";
import { stableId } from "@/lib/fhir/builders/ids";
import { PATIENTS, PHARMACY_ID, PRACTITIONERS } from "@/lib/demo/personas";
import { aDispense, aPrescription } from "@/lib/fhir/builders/prescriptions";

/** The lines of a plan, with ids fixed from the prescription and the line's position. */
export function requestsOf(plan: PrescriptionPlan): MedicationRequest[] {
  return aPrescription({
    prescriptionId: plan.prescriptionId,
    patientId: PATIENTS[plan.patient].id,
    requesterId: PRACTITIONERS[plan.requester].id,
    authoredOn: plan.authoredOn,
    validUntil: plan.validUntil,
    status: plan.status,
    lines: plan.lines.map((line, i) => ({ ...line, id: stableId(`prescription/${plan.prescriptionId}/line/${i}`) })),
  });
}

/** The prescription as the patient received it on paper: its lines, renewals and validity. */
function ordonnanceOf(plan: PrescriptionPlan, requests: MedicationRequest[]): PatientDocument {
  const renewals = (repeats: number | undefined) => (repeats ? ` À renouveler ${repeats} fois.` : "");
  return {
    patient: plan.patient,
    plan: {
      key: `prescription-${plan.prescriptionId}`,
      kind: "prescription",
      title: plan.title,
      date: plan.authoredOn,
      author: plan.requester,
      related: requests.map((request) => ({ reference: `MedicationRequest/${request.id}` })),
      sections: [
        {
          heading: "Prescription",
          list: plan.lines.map((line) => `${line.medication}. ${line.dosage} Quantité : ${line.quantity.value} ${line.quantity.unit}.${renewals(line.repeats)}`),
        },
        {
          paragraphs: [
            `Ordonnance valable jusqu'au ${frDate(plan.validUntil)}. Identifiant de l'ordonnance : ${plan.prescriptionId}.`,
            "En cas d'effet indésirable, contactez votre médecin ou votre pharmacien.",
          ],
        },
      ],
    },
  };
}

/**
 * Every prescription of the personas, its lines (MedicationRequest) and what Pharmacie du Centre
 * handed over (MedicationDispense); returns the prescriptions' PDFs for the documents.
 */
export async function seedPrescriptions(repo: Repository, clock: SeedClock): Promise<{ count: number; documents: PatientDocument[] }> {
  let count = 0;
  const documents: PatientDocument[] = [];
  for (const plan of prescriptionPlans(clock)) {
    const requests = requestsOf(plan);
    for (const request of requests) await repo.create(request);
    count += requests.length;
    for (const [n, dispense] of plan.dispenses.entries()) {
      const request = requests[dispense.line];
      if (!request) throw new Error(`Prescription ${plan.prescriptionId} has no line ${dispense.line}`);
      await repo.create(
        aDispense({
          id: stableId(`prescription/${plan.prescriptionId}/dispense/${n}`),
          request,
          pharmacyId: PHARMACY_ID,
          whenHandedOver: dispense.date,
          quantity: dispense.quantity,
          fill: dispense.fill,
        }),
      );
      count++;
    }
    documents.push(ordonnanceOf(plan, requests));
  }
  return { count, documents };
}
