import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { anObservation } from "@/lib/fhir/builders/record";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, sameOrigin, signIn, warmUpValidator } from "./http";

const db = useTestDatabase();

/**
 * SECURITY-CASES 45: requests naming a patient id that does not exist leave no row in anybody's
 * trail and start no chain, whoever sends them and whatever the route; a patient who exists
 * still sees the refused attempts on their record.
 */
let camille = "";
let nadia = "";
let camilleCookie = "";
let bernardCookie = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("unknown-patient-trail-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  nadia = (await system.create(aPatient({ given: "Nadia" }))).id!;
  const bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  camilleCookie = (await signIn(`Patient/${camille}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernard}`)).cookie;
}, 60_000);

async function trailOf(patientId: string): Promise<{ rows: number; chains: number }> {
  const [rows] = await db().prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid", patientId);
  const [chains] = await db().prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM audit_chain_head WHERE chain_key = $1", patientId);
  return { rows: rows?.n ?? -1, chains: chains?.n ?? -1 };
}

/** Every route that names a patient, as a patient and as a professional would try it. */
async function probe(target: string, cookie: string) {
  const headers = sameOrigin();
  return [
    await fhir("GET", `DocumentReference?patient=${target}`, { cookie }),
    await fhir("GET", `Observation?patient=${target}&_total=accurate`, { cookie }),
    await fhir("GET", `MedicationRequest?patient=${target}`, { cookie }),
    await fhir("GET", `AuditEvent?patient=${target}`, { cookie }),
    await fhir("GET", `Patient/${target}`, { cookie }),
    await fhir("GET", `Patient/${target}/_history`, { cookie }),
    await fhir("GET", `Patient/${target}/_history/1`, { cookie }),
    await fhir("POST", "Observation", { cookie, headers, body: anObservation({ patientId: target }) }),
  ];
}

describe("a patient id that does not exist (case 45)", () => {
  it("leaves no row and no chain, for a professional or a patient, on every route", async () => {
    for (const cookie of [bernardCookie, camilleCookie]) {
      const ghost = randomUUID();
      const answers = await probe(ghost, cookie);
      for (const answer of answers) expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
      expect(await trailOf(ghost)).toEqual({ rows: 0, chains: 0 });
    }
  });

  it("answers exactly as for a patient who exists but is not the caller's to see", async () => {
    const ghost = randomUUID();
    const forGhost = await fhir("GET", `DocumentReference?patient=${ghost}`, { cookie: bernardCookie });
    const forNadia = await fhir("GET", `DocumentReference?patient=${nadia}`, { cookie: bernardCookie });
    expect(forGhost.status).toBe(200);
    expect(forNadia.status).toBe(200);
    const strip = (text: string) => text.replaceAll(ghost, "<id>").replaceAll(nadia, "<id>");
    expect(strip(forGhost.text)).toBe(strip(forNadia.text));
  });

  it("still records refused attempts on a patient who exists", async () => {
    const before = await trailOf(nadia);
    await probe(nadia, bernardCookie);
    const after = await trailOf(nadia);
    expect(after.rows).toBeGreaterThan(before.rows);
    expect(after.chains).toBe(1);
  });
});
