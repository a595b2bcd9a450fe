import type { DocumentReference } from "@medplum/fhirtypes";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, idsOf, resourceOf, signIn, warmUpValidator } from "./http";

useTestDatabase();

/**
 * Security case 48, through the API as the professional and the caregiver use it: a grant or a
 * delegation ending "2027-06-30" runs to the end of 30 June in Paris, not to midnight UTC
 * (02:00 in Paris, which cut the last day short by 22 hours). The server's clock is moved
 * (only Date is faked), each caller signs in at the time it calls.
 */
let camilleId = "";
let documentId = "";
let doctorRef = "";
let caregiverRef = "";
/** 01:00 on 30 June in Paris (still 29 June in UTC), and 00:30 on 1 July in Paris (30 June in UTC). */
let earlyOnLastDay = "";
let earlyNextDay = "";

const LAST_DAY = "2027-06-30";

async function practitionerReads(at: string) {
  vi.setSystemTime(new Date(at));
  const { cookie } = await signIn(doctorRef);
  return fhir("GET", `DocumentReference/${documentId}`, { cookie });
}

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("paris-day-ends-tests");
  camilleId = (await system.create(aPatient({ given: "Camille" }))).id!;
  const doctor = (await system.create(aPractitioner({ given: "Inès", family: "Martin" }))).id!;
  const caregiver = (await system.create(aPatient({ given: "Paul" }))).id!;
  doctorRef = `Practitioner/${doctor}`;
  caregiverRef = `Patient/${caregiver}`;
  documentId = (await system.create<DocumentReference>(aDocument({ patientId: camilleId, kind: "lab", date: "2026-11-02T09:00:00Z" }))).id!;
  earlyOnLastDay = (await system.create<DocumentReference>(aDocument({ patientId: camilleId, kind: "lab", date: "2027-06-30T01:00:00+02:00" }))).id!;
  earlyNextDay = (await system.create<DocumentReference>(aDocument({ patientId: camilleId, kind: "lab", date: "2027-07-01T00:30:00+02:00" }))).id!;
  await system.create(anAuthorisation({ patientId: camilleId, practitionerId: doctor, until: LAST_DAY }));
  await system.create(aDelegation({ patientId: camilleId, agentPatientId: caregiver, scopes: ["documents:read"], end: LAST_DAY }));
}, 60_000);

afterEach(() => {
  vi.useRealTimers();
});

describe("a grant ending 30 June (summer, UTC+2)", () => {
  it.each([
    // 02:00:01 Paris, the instant the old code (midnight UTC) already refused.
    { at: "2027-06-30T02:00:01+02:00", status: 200 },
    { at: "2027-06-30T23:30:00+02:00", status: 200 },
    { at: "2027-06-30T23:59:59+02:00", status: 200 },
    { at: "2027-07-01T00:00:01+02:00", status: 404 },
    { at: "2027-07-02T12:00:00+02:00", status: 404 },
  ])("lets the professional read at $at: $status", async ({ at, status }) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const answer = await practitionerReads(at);
    expect(answer.status, answer.text).toBe(status);
    if (status === 200) expect(resourceOf<DocumentReference>(answer).id).toBe(documentId);
  });
});

describe("a delegation ending 30 June", () => {
  it("lets the caregiver read to the last minute of the day in Paris, and not a second after", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-06-30T23:45:00+02:00"));
    const { cookie } = await signIn(caregiverRef, { space: camilleId });
    const during = await fhir("GET", `DocumentReference/${documentId}`, { cookie });
    expect(during.status, during.text).toBe(200);

    vi.setSystemTime(new Date("2027-07-01T00:00:01+02:00"));
    const after = await fhir("GET", `DocumentReference/${documentId}`, { cookie });
    expect(after.status).not.toBe(200);
    expect(after.text).not.toContain(documentId);
  });
});

describe("a FHIR date parameter without a time", () => {
  it.each([
    { query: "date=2027-06-30", found: ["early"] },
    { query: "date=le2027-06-30&date=ge2027-06-30", found: ["early"] },
    { query: "date=ge2027-07-01", found: ["next"] },
    { query: "date=lt2027-07-01&date=gt2027-06-29", found: ["early"] },
    { query: "date=2027-07", found: ["next"] },
    { query: "date=2027-06", found: ["early"] },
  ])("$query is read as Paris days: $found", async ({ query, found }) => {
    const { cookie } = await signIn(`Patient/${camilleId}`);
    const answer = await fhir("GET", `DocumentReference?patient=${camilleId}&${query}`, { cookie });
    expect(answer.status, answer.text).toBe(200);
    const expected = found.map((key) => (key === "early" ? earlyOnLastDay : earlyNextDay));
    expect(idsOf(answer).sort()).toEqual(expected.sort());
  });
});
