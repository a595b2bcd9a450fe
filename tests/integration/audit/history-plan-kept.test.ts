import { beforeAll, describe, expect, it, vi } from "vitest";
import { searchAuditEvents } from "@/server/audit/read-audit-events";
import { database } from "@/server/db/client";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { HISTORY_PAGE_SIZE } from "@/server/history/list-access-history";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { plansOf, type Sent } from "../plan-probe";
import { asOwner } from "./owner-sql";

// A database of its own: the planner's choice rests on the trail's statistics, which other
// files' rows would change.
const db = useTestDatabase({ fresh: true });

/**
 * The history page's read of the trail was planned again on every view for a patient with a long
 * trail (issue 16): PostgreSQL's statistics know her rows, so a plan made for her and the page's
 * limit always looked cheaper than the generic one, made for any patient and `LIMIT $n`. The read
 * now keeps one plan. Here, one patient with far more rows than the others, as on the bench, and
 * the statement the history page really sends, prepared and run again and again.
 */
const LONG_TRAIL = 4000;
const OTHERS = 20;
/** Enough rows per patient, on average, that a tenth of them (an unknown LIMIT's estimate) is more than a page. */
const OTHERS_ROWS = 300;
let patientId = "";
let patient: Repository;

beforeAll(async () => {
  const system = await systemRepository("history-plan-tests");
  patientId = (await system.create(aPatient({ given: "Longue", family: "Trace" }))).id!;
  patient = await createRepository({ kind: "patient", accountId: newId(), patientId });
  await asOwner(db(), async (owner) => {
    const rows = (patient: string, n: number, agent: string) =>
      owner.query(
        `INSERT INTO audit_event (id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
         SELECT gen_random_uuid(), now() - i * interval '1 minute', $3, 'practitioner', $1::uuid, 'DocumentReference', 'read',
                CASE WHEN i % 7 = 0 THEN 'denied' ELSE 'success' END
           FROM generate_series(1, $2::int) AS i`,
        [patient, n, agent],
      );
    await rows(patientId, LONG_TRAIL, `Practitioner/${newId()}`);
    for (let i = 0; i < OTHERS; i++) await rows(newId(), OTHERS_ROWS, `Practitioner/${newId()}`);
    await owner.exec("VACUUM ANALYZE audit_event");
  });
}, 120_000);

/** The statements searchAuditEvents sends for this search, and its answer. */
async function sentBy(search: Parameters<typeof searchAuditEvents>[1]) {
  const { sql } = await database();
  const spy = vi.spyOn(sql, "query");
  try {
    const page = await searchAuditEvents(patient, search);
    const sent: Sent[] = spy.mock.calls.map(([text, params]) => ({ text, params: params ?? [] }));
    return { page, sent, pageStatement: sent.find((s) => s.text.includes("FROM audit_event a WHERE") && s.text.includes("ORDER BY")) };
  } finally {
    spy.mockRestore();
  }
}

describe("the history page's read of a long trail, run again and again", () => {
  it("keeps its plan, with which entries were reported read in the same statement", async () => {
    const { page, sent, pageStatement } = await sentBy({ patientId, count: HISTORY_PAGE_SIZE, offset: 0, order: "groups", total: true, reported: true });
    expect(page.events).toHaveLength(HISTORY_PAGE_SIZE);
    expect(pageStatement, "the page's statement").toBeDefined();
    // « Je ne reconnais pas cet accès »: no statement of its own after the page's.
    expect(sent.filter((s) => s.text.includes("report-access")).map((s) => s.text)).toEqual([pageStatement!.text]);
    const plans = await plansOf(pageStatement!);
    expect(plans.generic).toBeGreaterThan(0);
    expect(plans.custom).toBeLessThanOrEqual(5);
  });

  it("still answers the page asked for: its size, the rows after a cursor, the next page", async () => {
    // 37 asks for 38 rows, read as 64: the page keeps 37 and knows there are more. Oldest first,
    // so that the rows these searches add to the trail come last and move no page.
    const first = await searchAuditEvents(patient, { patientId, count: 37, offset: 0, sort: "date" });
    expect(first.events).toHaveLength(37);
    expect(first.hasMore).toBe(true);
    const after = await searchAuditEvents(patient, { patientId, count: 37, offset: 0, sort: "date", after: first.last });
    const offset = await searchAuditEvents(patient, { patientId, count: 37, offset: 37, sort: "date" });
    const ids = (p: typeof first) => p.events.map((e) => e.id);
    expect(ids(after)).toEqual(ids(offset));
    expect(new Set([...ids(first), ...ids(after)]).size).toBe(74);
    const last = await searchAuditEvents(patient, { patientId, count: 100, offset: LONG_TRAIL - 50, sort: "date" });
    expect(last.events.length).toBeGreaterThanOrEqual(50);
    expect(last.hasMore).toBe(false);
  });
});
