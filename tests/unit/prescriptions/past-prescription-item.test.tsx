import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PastPrescriptionItem } from "@/components/prescriptions/past-prescription-item";
import type { NamedPrescription } from "@/server/prescriptions/read-prescriptions";
import type { Dispensation, PrescriptionLine } from "@/server/prescriptions/prescription-model";

const line = (medication: string): PrescriptionLine => ({
  requestId: medication,
  medication,
  dosage: [],
  quantityPerFill: 1,
  unit: "boîte",
  renewalsAllowed: 0,
  totalQuantity: 1,
  dispensedQuantity: 1,
  remainingQuantity: 0,
  dispensableNow: 0,
  renewalsLeft: 0,
  status: "completed",
  versionId: "1",
});
const dispensation = (pharmacy: string, when: string): Dispensation => ({ id: when, requestId: "x", medication: "x", quantity: 1, unit: "boîte", when, pharmacy, partial: false });

const prescription = (over: Partial<NamedPrescription>): NamedPrescription => ({
  id: "p1",
  patientId: "pat",
  authoredOn: "2026-03-14",
  lines: [line("Amoxicilline 1 g"), line("Paracétamol 1 g"), line("Amoxicilline 1 g")],
  dispensations: [],
  state: "dispensed",
  validityOver: true,
  prescriber: "Dr Sophie Bernard",
  ...over,
});

/** A past prescription in the list: its date as a link, its state in words, who and what, and where it was last dispensed. */
describe("PastPrescriptionItem", () => {
  const html = (p: NamedPrescription) => renderToStaticMarkup(<PastPrescriptionItem prescription={p} href="/espace/ordonnances/p1" />);

  it("links to the prescription's page and says its state, prescriber and medicines once each", () => {
    const markup = html(prescription({ state: "expired" }));
    expect(markup).toContain('href="/espace/ordonnances/p1"');
    expect(markup).toContain("Ordonnance du 14 mars 2026");
    expect(markup).toContain("Expirée");
    expect(markup).toContain("Dr Sophie Bernard — Amoxicilline 1 g, Paracétamol 1 g");
    expect(markup).not.toContain("Dernière délivrance");
  });

  it("names the pharmacy of the latest dispensation, whatever their order", () => {
    const markup = html(prescription({ dispensations: [dispensation("Pharmacie du Port", "2026-04-02T10:00:00Z"), dispensation("Pharmacie du Centre", "2026-03-15T10:00:00Z")] }));
    expect(markup).toContain("Dernière délivrance : Pharmacie du Port, le 2 avril 2026");
  });
});
