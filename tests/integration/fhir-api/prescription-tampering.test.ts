import type { MedicationDispense, MedicationRequest } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { recordDispense } from "@/server/prescriptions/record-dispense";
import { readPrescription } from "@/server/prescriptions/read-prescriptions";
import { stateFingerprint } from "@/server/prescriptions/prescription-model";
import { openLink } from "@/server/sharing/open-link";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDispense, aPrescription } from "@/lib/fhir/builders/prescriptions";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, isOutcome, resourceOf, sameOrigin, signIn, warmUpValidator, type Answer } from "./http";

const db = useTestDatabase();

/**
 * SECURITY-CASES 46 through the FHIR API, and against the link table itself: a professional
 * cannot add lines to another prescriber's prescription, record a dispensation without the
 * link, or bring a completed line (and so a dead link) back; a prescription fully dispensed
 * through a link, or a revoked, expired or spent link, never opens again, even for SQL run
 * under the app's own role.
 */
let camille = "";
let bernardId = "";
let camilleCookie = "";
let bernardCookie = "";
let petitCookie = "";
let bernardRx: { prescriptionId: string; requests: MedicationRequest[] };

const LINE = { medication: "Amoxicilline 1 g, comprimé", atc: "J01CA04", dosage: "1 comprimé matin et soir", quantity: { value: 14, unit: "comprimé(s)" } };

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("prescription-tampering-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  bernardId = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  const petitId = (await system.create(aPractitioner({ family: "Petit" }))).id!;
  await system.create(anAuthorisation({ patientId: camille, practitionerId: bernardId }));
  await system.create(anAuthorisation({ patientId: camille, practitionerId: petitId }));
  const prescriptionId = newId();
  const requests = [];
  for (const line of aPrescription({ prescriptionId, patientId: camille, requesterId: bernardId, lines: [LINE] })) requests.push(await system.create(line));
  bernardRx = { prescriptionId, requests };
  camilleCookie = (await signIn(`Patient/${camille}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernardId}`)).cookie;
  petitCookie = (await signIn(`Practitioner/${petitId}`)).cookie;
}, 60_000);

async function linesOf(prescriptionId: string): Promise<string> {
  const rows = await db().prisma.$queryRawUnsafe<{ n: number; v: number }[]>(
    `SELECT count(*)::int AS n, coalesce(sum(version_id), 0)::int AS v FROM fhir_resource
      WHERE patient_id = $1::uuid AND (group_id = $2 OR resource_type = 'MedicationDispense')`,
    camille,
    prescriptionId,
  );
  return JSON.stringify(rows[0]);
}

function refused(answer: Answer, what: string, statuses = [403, 404]) {
  expect(statuses, `${what}: ${answer.status} ${answer.text.slice(0, 300)}`).toContain(answer.status);
  expect(isOutcome(answer), what).toBe(true);
}

const newLine = (prescriptionId: string, requesterId: string): MedicationRequest => {
  const { id: _id, ...line } = aPrescription({ prescriptionId, patientId: camille, requesterId, lines: [{ ...LINE, medication: "Tramadol 50 mg" }] })[0]!;
  return line;
};

describe("a prescription is its prescriber's", () => {
  it("refuses a line added by another professional to the prescription, and keeps it as it was", async () => {
    const before = await linesOf(bernardRx.prescriptionId);
    refused(await fhir("POST", "MedicationRequest", { cookie: petitCookie, body: newLine(bernardRx.prescriptionId, bernardId), headers: sameOrigin() }), "a line added by Dr Petit");
    expect(await linesOf(bernardRx.prescriptionId)).toBe(before);
    // The prescriber amends their own prescription.
    const own = await fhir("POST", "MedicationRequest", { cookie: bernardCookie, body: newLine(bernardRx.prescriptionId, bernardId), headers: sameOrigin() });
    expect(own.status, own.text).toBe(201);
  });

  it("refuses moving one's own line into another prescriber's prescription", async () => {
    const petitLine = resourceOf<MedicationRequest>(
      await fhir("POST", "MedicationRequest", { cookie: petitCookie, body: newLine(newId(), bernardId), headers: sameOrigin() }),
    );
    expect(petitLine.requester?.reference).toMatch(/^Practitioner\//);
    const moved = { ...petitLine, groupIdentifier: { ...petitLine.groupIdentifier, value: bernardRx.prescriptionId } };
    const before = await linesOf(bernardRx.prescriptionId);
    refused(await fhir("PUT", `MedicationRequest/${petitLine.id}`, { cookie: petitCookie, body: moved, headers: sameOrigin() }), "a line moved into Bernard's prescription");
    expect(await linesOf(bernardRx.prescriptionId)).toBe(before);
  });

  it("refuses a dispensation recorded by a professional or the patient through the API", async () => {
    const request = bernardRx.requests[0]!;
    const { id: _id, ...dispense } = aDispense({ request, pharmacyId: newId(), whenHandedOver: new Date().toISOString() }) as MedicationDispense;
    for (const [who, cookie] of [["the prescriber", bernardCookie], ["the patient", camilleCookie]] as const) {
      const before = await linesOf(bernardRx.prescriptionId);
      // The API takes no MedicationDispense at all (405)…
      refused(await fhir("POST", "MedicationDispense", { cookie, body: dispense, headers: sameOrigin() }), `a dispensation by ${who}`, [403, 404, 405]);
      expect(await linesOf(bernardRx.prescriptionId)).toBe(before);
    }
    // …and the one door refuses it to a professional's account, whatever page or action asks.
    const prescriber = await createRepository({ kind: "practitioner", accountId: "acc", practitionerId: bernardId });
    const before = await linesOf(bernardRx.prescriptionId);
    await expect(prescriber.create(dispense)).rejects.toMatchObject({ status: 404 });
    expect(await linesOf(bernardRx.prescriptionId)).toBe(before);
  });
});

describe("a dead link never comes back to life", () => {
  it("stays dead once fully dispensed: no line reopened, no line added, not even by the system", async () => {
    const system = await systemRepository("prescription-tampering-tests");
    const prescriptionId = newId();
    const [line] = await Promise.all(aPrescription({ prescriptionId, patientId: camille, requesterId: bernardId, lines: [LINE] }).map((l) => system.create(l)));
    const shared = await sharePrescription(await createRepository({ kind: "patient", accountId: "acc", patientId: camille }), { prescriptionId, withPasscode: false }, appUrl());
    const secret = shared.url.split("#")[1] ?? "";
    const open = () => openLink({ linkId: shared.linkId, secret, passcode: "", pharmacy: "Pharmacie des Tests", address: `10.9.${Math.floor(Math.random() * 250)}.1` }, new Date());
    expect((await open()).kind).toBe("opened");
    const pharmacist = await createRepository({ kind: "link", linkId: shared.linkId, patientId: camille, prescriptionId, pharmacy: "Pharmacie des Tests" });
    const found = await readPrescription(pharmacist, camille, prescriptionId, new Date());
    const state = stateFingerprint([...found!.requests, ...found!.dispenses]);
    expect(await recordDispense(pharmacist, { formKey: newId(), state, quantities: { [line!.id!]: 14 } })).toEqual({ kind: "recorded", completed: true });
    expect((await open()).kind).toBe("not-found");

    // The prescriber cannot set the completed line back to active (which would reopen the link).
    const completed = resourceOf<MedicationRequest>(await fhir("GET", `MedicationRequest/${line!.id}`, { cookie: bernardCookie }));
    expect(completed.status).toBe("completed");
    refused(await fhir("PUT", `MedicationRequest/${line!.id}`, { cookie: bernardCookie, body: { ...completed, status: "active" }, headers: sameOrigin() }), "a completed line reopened");
    // Nor add a line to the closed prescription.
    refused(await fhir("POST", "MedicationRequest", { cookie: bernardCookie, body: newLine(prescriptionId, bernardId), headers: sameOrigin() }), "a line added to a closed prescription");
    // Even were a line active again (the system may), the link stays dead.
    await system.update({ ...completed, status: "active" });
    expect((await open()).kind).toBe("not-found");
  });

  it("refuses, in the database, any step back of a link's state, under the app's own role", async () => {
    const prescriptionId = newId();
    const system = await systemRepository("prescription-tampering-tests");
    for (const l of aPrescription({ prescriptionId, patientId: camille, requesterId: bernardId, lines: [LINE] })) await system.create(l);
    const shared = await sharePrescription(await createRepository({ kind: "patient", accountId: "acc", patientId: camille }), { prescriptionId, withPasscode: true }, appUrl());
    const sql = db().sql;
    await sql.query(`UPDATE share_link SET attempts_left = attempts_left - 1, revoked_at = now(), dispensed_at = now(), expires_at = expires_at - interval '1 day' WHERE id = $1::uuid`, [shared.linkId]);
    const steps = [
      "revoked_at = NULL",
      "dispensed_at = NULL",
      "attempts_left = 10",
      "expires_at = expires_at + interval '30 days'",
      "prescription_id = 'another'",
      "passcode_hash = NULL",
    ];
    for (const step of steps) {
      await expect(sql.query(`UPDATE share_link SET ${step} WHERE id = $1::uuid`, [shared.linkId]), step).rejects.toThrow(/share_link/);
    }
    const row = await db().prisma.shareLink.findUniqueOrThrow({ where: { id: shared.linkId } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.dispensedAt).not.toBeNull();
    expect(row.attemptsLeft).toBe(9);
  });
});
