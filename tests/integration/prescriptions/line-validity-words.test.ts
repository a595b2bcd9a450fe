import { describe, expect, it } from "vitest";
import type { MedicationRequest } from "@medplum/fhirtypes";
import { GET as pdf } from "@/app/api/ordonnances/[id]/pdf/route";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import { newId } from "@/lib/fhir/builders/ids";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { systemRepository } from "@/server/fhir/repository";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "../pages/pages-route";
import { get, params } from "./http";

useTestDatabase();

/**
 * A prescriber may write a line to be handed over from a later day, or give one line a shorter
 * validity than the rest. The pharmacist's form leaves such a line out (still-dispensable.ts),
 * but the patient's page listed it like the others, « 0 sur 30 » beside lines ready today: the
 * patient could only guess why the pharmacy gave her nothing of it.
 */
describe("a prescription line that cannot be handed over today", () => {
  it("says from which day it can be, or on which day its own validity ended, on the page and in the PDF", async () => {
    const system = await systemRepository("line-validity-words-tests");
    const prescriber = (await system.create(aPractitioner({ given: "Sophie", family: "Validité" }))).id!;
    const patient = await personWithAccount(system, "Inès", "Plus-Tard");
    const prescriptionId = newId();
    const today = parisDayOf(new Date());
    const lines = aPrescription({
      prescriptionId,
      patientId: patient.patientId,
      requesterId: prescriber,
      authoredOn: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      lines: [
        { medication: "Amoxicilline 1 g", dosage: "1 comprimé matin et soir", quantity: { value: 12, unit: "comprimé(s)" } },
        { medication: "Lévothyroxine 75 µg", dosage: "1 comprimé le matin", quantity: { value: 30, unit: "comprimé(s)" } },
        { medication: "Paracétamol 1 g", dosage: "si douleur", quantity: { value: 8, unit: "comprimé(s)" } },
      ],
    });
    const from = addDaysToDay(today, 10);
    const ended = addDaysToDay(today, -1);
    const [ready, later, short] = lines as [MedicationRequest, MedicationRequest, MedicationRequest];
    await system.create(ready);
    await system.create({ ...later, dispenseRequest: { ...later.dispenseRequest, validityPeriod: { ...later.dispenseRequest?.validityPeriod, start: from } } });
    await system.create({ ...short, dispenseRequest: { ...short.dispenseRequest, validityPeriod: { ...short.dispenseRequest?.validityPeriod, end: ended } } });

    const page = await servePage(prescriptionPage, `/espace/ordonnances/${prescriptionId}`, { cookie: patient.session.cookie, params: { id: prescriptionId } });
    expect(page.status).toBe(200);
    const row = (medicine: string) => (new RegExp(`<tr[^>]*><th scope="row"[^>]*>${medicine}[\\s\\S]*?</th>`).exec(page.html!)?.[0] ?? "").replace(/<!-- -->/g, "");
    const frenchDay = (day: string) => new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`)).replace(/^1 /, "1er ");
    expect(row("Lévothyroxine 75 µg")).toContain(`À délivrer à partir du ${frenchDay(from)}`);
    expect(row("Paracétamol 1 g")).toContain(`Ne peut plus être délivré : sa validité a pris fin le ${frenchDay(ended)}`);
    expect(row("Amoxicilline 1 g")).not.toMatch(/délivrer à partir|Ne peut plus/);
    expect(row("Amoxicilline 1 g")).toContain("Amoxicilline 1 g");

    // The PDF the patient prints for the pharmacy: each medicine is one list item.
    const request = get(`/api/ordonnances/${prescriptionId}/pdf`, { cookie: patient.session.cookie });
    const answer = await inRequestScope(request, () => pdf(request, params({ id: prescriptionId })));
    expect(answer.status).toBe(200);
    const paragraphs = (await readTaggedPdf(new Uint8Array(await answer.arrayBuffer()))).elements.filter(({ path }) => path.startsWith("Document/L/LI")).map(({ text }) => text);
    const at = (text: string) => paragraphs.findIndex((p) => p.startsWith(text));
    // Each notice inside its own medicine's item: after its name, before the next medicine.
    expect(at("Amoxicilline 1 g")).toBe(0);
    expect(at(`À délivrer à partir du ${frenchDay(from)}`)).toBeGreaterThan(at("Lévothyroxine"));
    expect(at(`À délivrer à partir du ${frenchDay(from)}`)).toBeLessThan(at("Paracétamol 1 g"));
    expect(at(`Ne peut plus être délivré : sa validité a pris fin le ${frenchDay(ended)}`)).toBeGreaterThan(at("Paracétamol 1 g"));
    expect(paragraphs.slice(0, at("Lévothyroxine")).join(" ")).not.toMatch(/délivrer à partir|Ne peut plus/);
  });
});
