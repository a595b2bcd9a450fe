import { beforeAll, describe, expect, it, vi } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, outcomeOf, signIn, warmUpValidator } from "./http";

// Before any module reads the environment: a limit small enough to reach in a test.
const LIMIT = vi.hoisted(() => {
  process.env.READS_PER_MINUTE = "40";
  return 40;
});

const db = useTestDatabase();

/**
 * SECURITY-CASES 45: a signed-in account cannot bury a patient's trail under refused attempts.
 * Reads and searches are counted per account; past the limit the API answers 429 with an
 * OperationOutcome and Retry-After, reads nothing and writes no audit row. Other accounts
 * carry on.
 */
let nadia = "";
let nadiaDocument = "";
let nadiaCookie = "";
let bernardCookie = "";
let claireCookie = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("read-limit-tests");
  nadia = (await system.create(aPatient({ given: "Nadia" }))).id!;
  nadiaDocument = (await system.create(aDocument({ patientId: nadia, kind: "personal", author: `Patient/${nadia}` }))).id!;
  const bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  const claire = (await system.create(aPractitioner({ family: "Claire" }))).id!;
  nadiaCookie = (await signIn(`Patient/${nadia}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernard}`)).cookie;
  claireCookie = (await signIn(`Practitioner/${claire}`)).cookie;
}, 60_000);

async function trailRows(patientId: string): Promise<number> {
  const [row] = await db().prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid", patientId);
  return row?.n ?? -1;
}

describe("reads and searches per account (case 45)", () => {
  it("refuses a professional flooding a patient's record past the limit, and the trail stops growing", async () => {
    const before = await trailRows(nadia);
    const answers = [];
    for (let i = 0; i < LIMIT; i++) answers.push((await fhir("GET", `DocumentReference?patient=${nadia}`, { cookie: bernardCookie })).status);
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(await trailRows(nadia)).toBe(before + LIMIT);

    const refused = [
      await fhir("GET", `DocumentReference?patient=${nadia}`, { cookie: bernardCookie }),
      await fhir("GET", `DocumentReference/${nadiaDocument}`, { cookie: bernardCookie }),
      await fhir("GET", `DocumentReference/${nadiaDocument}/_history`, { cookie: bernardCookie }),
      await fhir("GET", `DocumentReference/${nadiaDocument}/_history/1`, { cookie: bernardCookie }),
      await fhir("GET", `AuditEvent?patient=${nadia}`, { cookie: bernardCookie }),
    ];
    for (const answer of refused) {
      expect(answer.status, answer.text.slice(0, 200)).toBe(429);
      expect(isOutcome(answer)).toBe(true);
      expect(outcomeOf(answer).issue?.[0]?.code).toBe("throttled");
      const retryAfter = Number(answer.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect(await trailRows(nadia)).toBe(before + LIMIT);
  });

  it("counts each account apart: the patient and another professional are not slowed", async () => {
    expect((await fhir("GET", `DocumentReference?patient=${nadia}`, { cookie: nadiaCookie })).status).toBe(200);
    expect((await fhir("GET", `DocumentReference/${nadiaDocument}`, { cookie: nadiaCookie })).status).toBe(200);
    expect((await fhir("GET", `DocumentReference?patient=${nadia}`, { cookie: claireCookie })).status).toBe(200);
  });

  it("leaves what needs no reading alone: the CapabilityStatement still answers", async () => {
    expect((await fhir("GET", "metadata", { cookie: bernardCookie })).status).toBe(200);
  });
});
