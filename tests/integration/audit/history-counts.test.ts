import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/access/actor";
import { searchAuditRows, type HistoryGroup } from "@/server/audit/read-audit-events";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { listAccessHistory } from "@/server/history/list-access-history";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "./owner-sql";

// A database of its own: the backfill test below rewrites every chain head's counts.
const db = useTestDatabase({ fresh: true });

/**
 * The history page's counts (others' accesses, refused attempts, the patient's own actions) are
 * kept by the audit chain trigger on the patient's chain head (migration
 * 20261205010000_history_group_counts), instead of being counted over the whole trail on every
 * view. Whatever rows arrive, one by one or many in a statement, the page's counts are the rows
 * counted; and the migration counts the rows written before it.
 */
const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261205010000_history_group_counts/migration.sql");

type Who = "self" | "other patient" | "guardian" | "caregiver" | "professional" | "link" | "system";
type Arrival = { who: Who; outcome: "success" | "denied" | "failure" };

let patientId = "";
let patient: Repository;

beforeAll(async () => {
  const system = await systemRepository("history-counts-tests");
  patientId = (await system.create(aPatient({ given: "Compte", family: "Historique" }))).id!;
  patient = await createRepository({ kind: "patient", accountId: newId(), patientId });
}, 60_000);

function actorOf(who: Who): Actor {
  switch (who) {
    case "self":
      return { kind: "patient", accountId: "a", patientId };
    case "other patient":
      return { kind: "patient", accountId: "b", patientId: newId() };
    case "guardian":
      return { kind: "guardian", accountId: "c", selfPatientId: newId(), patientId, relatedPersonId: newId() };
    case "caregiver":
      return { kind: "delegate", accountId: "d", selfPatientId: newId(), patientId, relatedPersonId: newId() };
    case "professional":
      return { kind: "practitioner", accountId: "e", practitionerId: newId() };
    case "link":
      return { kind: "link", linkId: newId(), patientId, prescriptionId: newId(), pharmacy: "Pharmacie" };
    case "system":
      return { kind: "system", purpose: "tests" };
  }
}

/** The page's rule, written out here rather than taken from the code under test. */
function groupOf(arrival: Arrival): HistoryGroup {
  if (arrival.who === "self") return "own";
  return arrival.outcome === "denied" ? "refused" : "others";
}

async function countedRowByRow(): Promise<Record<HistoryGroup, number>> {
  const rows = await db().sql.query<{ agent: string; outcome: string }>(`SELECT agent, outcome FROM audit_event WHERE patient_id = $1::uuid`, [patientId]);
  const counts = { others: 0, refused: 0, own: 0 };
  for (const row of rows) counts[row.agent === `Patient/${patientId}` ? "own" : row.outcome === "denied" ? "refused" : "others"] += 1;
  return counts;
}

const arrivals = fc.array(
  fc.record({
    who: fc.constantFrom<Who>("self", "other patient", "guardian", "caregiver", "professional", "link", "system"),
    outcome: fc.constantFrom<Arrival["outcome"]>("success", "denied", "failure"),
  }),
  { minLength: 1, maxLength: 25 },
);

describe("the history page's counts, kept by the chain trigger", () => {
  it("equal the rows counted one by one, whatever arrives, together or one at a time (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arrivals, fc.boolean(), async (batch, together) => {
        const before = await countedRowByRow();
        const rows = batch.map((a, i) =>
          auditRow(actorOf(a.who), {}, { patientId, entity: "DocumentReference", interaction: "read", outcome: a.outcome }, new Date(Date.now() + i)),
        );
        if (together) await insertAuditRows(db().sql, rows);
        else for (const row of rows) await insertAuditRows(db().sql, [row]);

        const expected = { ...before };
        for (const a of batch) expected[groupOf(a)] += 1;
        expect(await countedRowByRow()).toEqual(expected);
        const shown = await listAccessHistory(patient, patientId, 1);
        expect(shown.groups).toEqual(expected);
        expect(shown.total).toBe(expected.others + expected.refused + expected.own);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it("stay equal to the rows counted when rows arrive at once from several connections, and a rolled-back row counts nothing", async () => {
    const row = (who: Who, outcome: Arrival["outcome"]) => auditRow(actorOf(who), {}, { patientId, entity: "Patient", interaction: "read", outcome }, new Date());
    const before = await countedRowByRow();
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => insertAuditRows(db().sql, [row(i % 3 === 0 ? "self" : "professional", i % 4 === 0 ? "denied" : "success")])),
    );
    await expect(
      db().sql.transaction(async (tx) => {
        await insertAuditRows(tx, [row("professional", "success")]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const after = await countedRowByRow();
    expect(after.others + after.refused + after.own).toBe(before.others + before.refused + before.own + 24);
    expect((await listAccessHistory(patient, patientId, 1)).groups).toEqual(after);
  });

  it("count what the patient's own repository writes, her views of the page included", async () => {
    await patient.read("Patient", patientId);
    const first = await listAccessHistory(patient, patientId, 1);
    const counted = await countedRowByRow();
    // That view of the page left rows of her own group: the next view counts them.
    const second = await listAccessHistory(patient, patientId, 1);
    expect(second.groups.own).toBeGreaterThan(first.groups.own);
    expect(second.groups).toEqual(counted);
  });

  it("are read in the page's own statement, and alone for a page past the trail's end", async () => {
    const { sql } = db();
    // The counts as they stand when the page is read (the search then leaves her own row).
    const before = await countedRowByRow();
    const spy = vi.spyOn(sql, "query");
    try {
      const first = await searchAuditRows(patient, { patientId, count: 5, offset: 0, order: "groups", total: true });
      expect(spy.mock.calls.filter(([text]) => text.includes("audit_chain_head"))).toHaveLength(1);
      expect(spy.mock.calls.filter(([text]) => text.includes("audit_chain_head") && text.includes("FROM audit_event"))).toHaveLength(1);
      expect(first.groups).toEqual(before);
      expect(first.rows.every((row) => !("kept" in row))).toBe(true);
      const between = await countedRowByRow();
      spy.mockClear();
      const past = await searchAuditRows(patient, { patientId, count: 5, offset: 1_000_000, order: "groups", total: true });
      expect(past.rows).toEqual([]);
      expect(past.groups).toEqual(between);
      expect(spy.mock.calls.filter(([text]) => text.includes("audit_chain_head") && !text.includes("FROM audit_event"))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("are counted for the rows already in the trail when the migration runs", async () => {
    const backfill = /UPDATE "audit_chain_head" h[\s\S]*?;/.exec(await readFile(MIGRATION, "utf8"))?.[0];
    expect(backfill).toBeDefined();
    const counted = await countedRowByRow();
    await asOwner(db(), async (owner) => {
      await owner.query(`UPDATE audit_chain_head SET others_count = 0, refused_count = 0, own_count = 0`);
      await owner.exec(backfill!);
    });
    const [head] = await db().sql.query<{ others: string; refused: string; own: string }>(
      `SELECT others_count::text AS others, refused_count::text AS refused, own_count::text AS own FROM audit_chain_head WHERE chain_key = $1`,
      [patientId],
    );
    expect({ others: Number(head?.others), refused: Number(head?.refused), own: Number(head?.own) }).toEqual(counted);
  });

  it("cannot be changed by the app's own database role", async () => {
    await expect(db().sql.query(`UPDATE audit_chain_head SET own_count = 0 WHERE chain_key = $1`, [patientId])).rejects.toThrow(/permission denied/i);
  });
});
