import type { MedicationRequest, Patient } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as open } from "@/app/(link)/p/[linkId]/ouvrir/route";
import * as pharmacistPage from "@/pages/p/[linkId]/index";
import { validateForWrite } from "@/server/fhir/validate";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { APP, cookieOf, formPost, params, secretOf } from "../prescriptions/http";
import { buildWorld, type World } from "../prescriptions/world";
import { servePage } from "./pages-route";

const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  validateForWrite(aPatient());
  world = await buildWorld();
});

/** Camille's prescription sent to a pharmacy, opened there with its passcode: the page's link and session cookie. */
async function openedLink(prescriptionId = world.camilleActive.prescriptionId) {
  const shared = await sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId, withPasscode: true }, APP);
  const opening = () => open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie du Parc" }), params({ linkId: shared.linkId }));
  const cookie = cookieOf(await opening());
  if (!cookie) throw new Error("the link did not open");
  return { linkId: shared.linkId, cookie, opening };
}

describe("the pharmacist's page, once the link is open", () => {
  it("shows the prescription, and commits its audit rows together, in one statement, before answering", async () => {
    const { linkId, cookie } = await openedLink();
    const answer = await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.31" });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Camille");
    expect(answer.html).toContain("Paracétamol");
    // One INSERT is one transaction: its rows share their xmin; rows written one by one do not.
    const rows = await db().sql.query<{ entity: string; tx: string }>(
      "SELECT entity, xmin::text AS tx FROM audit_event WHERE patient_id = $1::uuid AND address = '198.51.100.31' ORDER BY seq",
      [world.camilleId],
    );
    expect(rows.map((row) => row.entity)).toEqual(expect.arrayContaining([`Patient/${world.camilleId}`, "MedicationRequest,MedicationDispense"]));
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
  });

  it("says the birth date as it agrees with the patient's recorded sex: « Née le », « Né le », else « Date de naissance : »", async () => {
    const { linkId, cookie } = await openedLink();
    const said = async () => (await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.34" })).html!;
    const stored = await world.system.read<Patient>("Patient", world.camilleId);
    try {
      expect(await said()).toContain("Née le 14 mars 1985");
      await world.system.update<Patient>({ ...(await world.system.read<Patient>("Patient", world.camilleId)), gender: "male" });
      expect(await said()).toContain("Né le 14 mars 1985");
      await world.system.update<Patient>({ ...(await world.system.read<Patient>("Patient", world.camilleId)), gender: undefined });
      const neutral = await said();
      expect(neutral).toContain("Date de naissance : 14 mars 1985");
      expect(neutral).not.toMatch(/[Nn]é\(e\)/);
    } finally {
      await world.system.update<Patient>({ ...(await world.system.read<Patient>("Patient", world.camilleId)), gender: stored.gender });
    }
  });

  it("answers « no longer available » to a session of a revoked link, and reads nothing of the prescription", async () => {
    const { linkId, cookie } = await openedLink();
    await db().prisma.shareLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } });
    const answer = await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.32" });
    expect(answer.status).toBe(404);
    expect(answer.html).not.toContain("Paracétamol");
    expect(await db().sql.query("SELECT 1 FROM audit_event WHERE address = '198.51.100.32' AND interaction <> 'link-open'")).toHaveLength(0);
  });

  it("answers « no longer available » once the prescription is closed elsewhere (its lines completed), and the link no longer opens", async () => {
    const { prescriptionId, requests } = await world.addPrescription(world.camilleId, { lines: [{ medication: "Ibuprofène 400 mg", dosage: "1 comprimé si douleur", quantity: { value: 1, unit: "boîte(s)" } }] });
    const { linkId, cookie, opening } = await openedLink(prescriptionId);
    for (const request of requests) await world.system.update<MedicationRequest>({ ...request, status: "completed" });
    const answer = await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.33" });
    expect(answer.status).toBe(404);
    expect(answer.html).not.toContain("Ibuprofène");
    expect(await db().sql.query("SELECT 1 FROM audit_event WHERE address = '198.51.100.33' AND interaction <> 'link-open'")).toHaveLength(0);
    expect(cookieOf(await opening())).toBeUndefined();
  });
});
