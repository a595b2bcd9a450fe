import type { Bundle } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { bundleOf, fhir, isOutcome, signIn, warmUpValidator } from "./http";

const db = useTestDatabase();

/**
 * SECURITY-CASES 45 on the API: a patient's trail is read to its oldest entry by following
 * `next`, however long it is. Offsets stop at 10,000; the links continue with a cursor.
 */
const ROWS = 10_150;
let rose = "";
let roseCookie = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("audit-event-paging-tests");
  rose = (await system.create(aPatient({ given: "Rose" }))).id!;
  const petit = (await system.create(aPractitioner({ family: "Petit" }))).id!;
  const start = Date.now() - 86_400_000;
  for (let done = 0; done < ROWS; done += 1000) {
    const rows = Array.from({ length: Math.min(1000, ROWS - done) }, (_, i) =>
      auditRow({ kind: "practitioner", accountId: petit, practitionerId: petit }, {}, { patientId: rose, entity: "DocumentReference", interaction: "search", outcome: "denied", reason: "no-access" }, new Date(start + done + i)),
    );
    await insertAuditRows(db().sql, rows);
  }
  roseCookie = (await signIn(`Patient/${rose}`)).cookie;
}, 120_000);

/** The trail in the order the API shows it: position in the chain (seq). */
async function idsInOrder(direction: "ASC" | "DESC", limit: number): Promise<string[]> {
  const rows = await db().sql.query<{ id: string }>(
    `SELECT id::text AS id FROM audit_event WHERE patient_id = $1::uuid ORDER BY seq ${direction} LIMIT ${limit}`,
    [rose],
  );
  return rows.map((row) => row.id);
}

function nextOf(bundle: Bundle): string | undefined {
  return bundle.link?.find((l) => l.relation === "next")?.url;
}

describe("AuditEvent paging (case 45)", () => {
  it("follows next to the oldest entry past 10,000, each entry once, newest first", async () => {
    let answer = await fhir("GET", `AuditEvent?patient=${rose}&_count=100&_total=accurate`, { cookie: roseCookie });
    expect(answer.status).toBe(200);
    const total = bundleOf(answer).total!;
    expect(total).toBeGreaterThanOrEqual(ROWS);
    const expected = await idsInOrder("DESC", total + 1);
    const seen: string[] = [];
    for (let pages = 0; pages < 200; pages++) {
      const bundle = bundleOf(answer);
      for (const entry of bundle.entry ?? []) seen.push(entry.resource!.id!);
      const next = nextOf(bundle);
      if (!next) break;
      expect(next).toContain("_cursor=");
      expect(next).not.toContain("_offset=");
      const url = new URL(next);
      answer = await fhir("GET", `AuditEvent${url.search}`, { cookie: roseCookie });
      expect(answer.status, answer.text.slice(0, 200)).toBe(200);
    }
    // Every entry that existed at the first page, once, newest first (the first search's own
    // row is newer than the page it answered; later searches add rows after the cursor, unseen).
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(seen).toEqual(expected.slice(1));
  }, 120_000);

  it("goes forward in ascending order too, and refuses a cursor that is not a position", async () => {
    const first = bundleOf(await fhir("GET", `AuditEvent?patient=${rose}&_count=50&_sort=date`, { cookie: roseCookie }));
    const second = bundleOf(await fhir("GET", `AuditEvent${new URL(nextOf(first)!).search}`, { cookie: roseCookie }));
    const ids = [...(first.entry ?? []), ...(second.entry ?? [])].map((e) => e.resource!.id!);
    expect(ids).toEqual(await idsInOrder("ASC", 100));
    const bad = await fhir("GET", `AuditEvent?patient=${rose}&_cursor=abc`, { cookie: roseCookie });
    expect(bad.status).toBe(400);
    expect(isOutcome(bad)).toBe(true);
  });
});
