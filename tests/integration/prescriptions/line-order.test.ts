import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as open } from "@/app/(link)/p/[linkId]/ouvrir/route";
import { GET as pdf } from "@/app/api/ordonnances/[id]/pdf/route";
import * as pharmacistPage from "@/pages/p/[linkId]/index";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import * as printPage from "@/pages/espace/ordonnances/[id]/imprimer";
import { newId } from "@/lib/fhir/builders/ids";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "../pages/pages-route";
import { APP, cookieOf, formPost, get, params, secretOf } from "./http";

useTestDatabase();

/**
 * A prescription's lines in the order the prescriber wrote them, wherever they are shown: the
 * patient's page and its printable page, the PDF, the pharmacist's page. They were ordered by
 * their ids, random UUIDs: here the ids sort the other way round from the written order.
 */
const WRITTEN = ["Zinc 15 mg, gélule", "Magnésium 300 mg, comprimé", "Amoxicilline 1 g, comprimé"];

/** An id that sorts before every id starting with a higher hex digit. */
const idStarting = (digit: string) => `${digit}${randomUUID().slice(1)}`;

/** The medicines in the order they first appear in `text`. */
const order = (text: string) =>
  WRITTEN.map((medication) => ({ medication, at: text.indexOf(medication) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ medication }) => medication);

async function prescribed() {
  const system = await systemRepository("line-order-tests");
  const prescriber = (await system.create(aPractitioner({ given: "Sophie", family: "Ordre" }))).id!;
  const patient = await personWithAccount(system, "Lina", "Lignes");
  const prescriptionId = newId();
  // Written first, « f… »; then « 8… »; then « 1… »: by id, the last comes first.
  const ids = ["f", "8", "1"].map(idStarting);
  const lines = WRITTEN.map((medication, i) => ({ id: ids[i], medication, dosage: "1 par jour", quantity: { value: 1, unit: "boîte(s)" } }));
  for (const line of aPrescription({ prescriptionId, patientId: patient.patientId, requesterId: prescriber, authoredOn: new Date(Date.now() - 86_400_000).toISOString(), lines })) {
    await system.create(line);
  }
  expect([...ids].sort()).toEqual([...ids].reverse());
  return { patient, prescriptionId };
}

describe("a prescription's lines", () => {
  it("show in the order written on the patient's page, the printable page, the PDF and the pharmacist's page, whatever their ids", async () => {
    const { patient, prescriptionId } = await prescribed();
    const cookie = patient.session.cookie;

    const page = await servePage(prescriptionPage, `/espace/ordonnances/${prescriptionId}`, { cookie, params: { id: prescriptionId } });
    expect(page.status).toBe(200);
    expect(order(page.html!)).toEqual(WRITTEN);
    const printed = await servePage(printPage, `/espace/ordonnances/${prescriptionId}/imprimer`, { cookie, params: { id: prescriptionId } });
    expect(order(printed.html!)).toEqual(WRITTEN);

    const request = get(`/api/ordonnances/${prescriptionId}/pdf`, { cookie });
    const answer = await inRequestScope(request, () => pdf(request, params({ id: prescriptionId })));
    expect(answer.status).toBe(200);
    const tagged = await readTaggedPdf(new Uint8Array(await answer.arrayBuffer()));
    const items = tagged.elements.filter(({ path }) => path.startsWith("Document/L/LI")).map(({ text }) => text);
    expect(order(items.join("\n"))).toEqual(WRITTEN);
    expect(order(tagged.text)).toEqual(WRITTEN);

    const owner = await createRepository({ kind: "patient", accountId: patient.account.id, patientId: patient.patientId }, { address: "203.0.113.7" });
    const shared = await sharePrescription(owner, { prescriptionId, withPasscode: true }, APP);
    const opened = await open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie de l'Ordre" }), params({ linkId: shared.linkId }));
    const linkCookie = cookieOf(opened)!;
    const pharmacist = await servePage(pharmacistPage, `/p/${shared.linkId}`, { cookie: linkCookie, params: { linkId: shared.linkId }, address: "198.51.100.60" });
    expect(pharmacist.status).toBe(200);
    // The table of lines and the dispensation form below it, each in the order written.
    const [table, form] = pharmacist.html!.split(/<form /);
    expect(order(table!)).toEqual(WRITTEN);
    expect(order(form!)).toEqual(WRITTEN);
  });
});
