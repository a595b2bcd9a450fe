import type { MedicationRequest } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { SYSTEMS } from "@/lib/fhir/systems";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { assemblePrescription, linePositionOf } from "@/server/prescriptions/prescription-model";

const line = (id: string, medication: string, position?: unknown): MedicationRequest => ({
  resourceType: "MedicationRequest",
  id,
  status: "active",
  intent: "order",
  subject: { reference: "Patient/p" },
  medicationCodeableConcept: { text: medication },
  ...(position === undefined ? {} : { extension: [{ url: SYSTEMS.prescriptionLinePosition, valuePositiveInt: position as number }] }),
});

const medicines = (requests: MedicationRequest[]) => assemblePrescription("rx", requests, [], new Date())!.lines.map((l) => l.medication);

describe("the order of a prescription's lines", () => {
  it("is the builder's, whatever the ids", () => {
    const requests = aPrescription({ patientId: "p", requesterId: "d", lines: ["C", "B", "A"].map((medication, i) => ({ id: `${3 - i}`, medication, dosage: "", quantity: { value: 1, unit: "boîte" } })) });
    expect(requests.map(linePositionOf)).toEqual([1, 2, 3]);
    expect(medicines([...requests].reverse())).toEqual(["C", "B", "A"]);
  });

  it("puts lines without a position after the others, and breaks ties by id, the same however they were read", () => {
    const requests = [line("b", "sans place b"), line("z", "deuxième", 2), line("a", "sans place a"), line("y", "premier bis", 1), line("x", "premier", 1), line("w", "place illisible", 0)];
    // « place illisible » (0) counts as no place: among those, by id (« a », « b », « w »).
    expect(medicines(requests)).toEqual(["premier", "premier bis", "deuxième", "sans place a", "sans place b", "place illisible"]);
    expect(medicines([...requests].reverse())).toEqual(medicines(requests));
  });
});
