import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { LINK_EVENTS_COUNTED, LINK_EVENTS_SHOWN, LINKS_WITH_EVENTS_SQL, listLinksWithEvents } from "@/server/fhir/share-link-events";
import { ENDED_LINKS_SHOWN } from "@/server/fhir/share-links";
import { insertShareLink } from "@/server/fhir/share-links";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { listMyLinks } from "@/server/sharing/list-my-links";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

/**
 * The links page read the newest 500 events of all a patient's links together: a link opened
 * hundreds of times pushed the others' events (their creation, a dispensation) out, silently.
 * Each link now shows its newest events and says how many older ones there are: its own events
 * exactly (the database counts them as they are written), the patient's rows about it up to a
 * bound, then « more than ». And every link that still works is listed, however many ended ones
 * come after it.
 */
let patientId = "";
const busy = randomUUID();
const quiet = randomUUID();
const BUSY_EVENTS = 600;
/** A link the pharmacy opened many times: its own rows (agent "Link/<id>"), not the patient's. */
const opened = randomUUID();
const OPENED_VIEWS = 120;
const WRONG_PASSCODES = 3;
/** Each live link's prescription (one each). */
const prescriptionOf = new Map<string, string>();

beforeAll(async () => {
  const system = await systemRepository("link-events-tests");
  patientId = (await system.create(aPatient({ given: "Alix" }))).id!;
  const now = Date.now();
  for (const [id, createdAt] of [[quiet, now - 3_600_000], [opened, now - 2_700_000], [busy, now - 1_800_000]] as const) {
    await insertShareLink(db().prisma, {
      id,
      secretHash: randomUUID(),
      patientId,
      prescriptionId: prescriptionOf.set(id, newId()).get(id)!,
      passcodeHash: null,
      attemptsLeft: 10,
      expiresAt: new Date(now + 86_400_000),
      createdAt: new Date(createdAt),
      createdBy: `Patient/${patientId}`,
    });
  }
  await system.audit({ patientId, entity: `ShareLink/${opened}`, interaction: "share", outcome: "success" });
  const pharmacy = await createRepository({ kind: "link", linkId: opened, patientId, prescriptionId: newId(), pharmacy: "Pharmacie du Port" });
  for (let i = 0; i < WRONG_PASSCODES; i++) {
    await pharmacy.audit({ patientId, entity: `ShareLink/${opened}`, interaction: "link-passcode-failed", outcome: "denied", detail: { attemptsLeft: 9 - i } });
  }
  // Each view of the prescription by the pharmacy, as the link's page leaves it: the patient read
  // (the « viewed » event), then the searches of the lines, the dispensations and the prescriber,
  // which are no event; and a dispensation refused now and then, no event either.
  for (let i = 0; i < OPENED_VIEWS; i++) {
    await pharmacy.audit({ patientId, entity: `Patient/${patientId}`, interaction: "read", outcome: "success" });
    await pharmacy.audit({ patientId, entity: "MedicationRequest,MedicationDispense", interaction: "search", outcome: "success", detail: { results: 1 } });
    await pharmacy.audit({ patientId, entity: "Practitioner", interaction: "search", outcome: "success", detail: { results: 1 } });
    if (i % 40 === 0) await pharmacy.audit({ patientId, entity: "MedicationDispense", interaction: "dispense", outcome: "failure", reason: "over-quantity" });
  }
  await system.audit({ patientId, entity: `ShareLink/${quiet}`, interaction: "share", outcome: "success" });
  for (let i = 0; i < BUSY_EVENTS; i++) await system.audit({ patientId, entity: `ShareLink/${busy}`, interaction: "share", outcome: "success" });
  // 250 ended links, newer than the three live ones.
  for (let i = 0; i < 250; i++) {
    await insertShareLink(db().prisma, {
      id: randomUUID(),
      secretHash: randomUUID(),
      patientId,
      prescriptionId: newId(),
      passcodeHash: null,
      attemptsLeft: 10,
      expiresAt: new Date(now - 1000),
      createdAt: new Date(now - 1000 + i),
      createdBy: `Patient/${patientId}`,
    });
  }
}, 180_000);

describe("the patient's links", () => {
  it("list every live link, each with its own newest events and the count of older ones", async () => {
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId });
    const links = (await listMyLinks(repo))!;
    const busyLink = links.find((l) => l.id === busy);
    const quietLink = links.find((l) => l.id === quiet);
    expect(busyLink?.events).toHaveLength(LINK_EVENTS_SHOWN);
    // 600 rows about it: counted up to the bound, and said to be more.
    expect(BUSY_EVENTS).toBeGreaterThan(LINK_EVENTS_COUNTED);
    expect(busyLink?.eventsNotShown).toBe(LINK_EVENTS_COUNTED - LINK_EVENTS_SHOWN);
    expect(busyLink?.moreEventsNotShown).toBe(true);
    expect(quietLink?.events.map((e) => e.kind)).toEqual(["created"]);
    expect(quietLink?.eventsNotShown).toBe(0);
    expect(quietLink?.moreEventsNotShown).toBe(false);
    expect(links.filter((l) => l.state !== "active" && l.state !== "dispensed")).toHaveLength(200);
  });

  it("show a much-opened link's newest views, and count all its events and wrong passcodes, not only those shown, and none of its searches", async () => {
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId });
    const link = (await listMyLinks(repo))!.find((l) => l.id === opened)!;
    // Its newest views, read as LINK_EVENTS_SHOWN rows, are one visit of the pharmacy: said once, with their number (link-visits.ts).
    expect(link.events.map((e) => [e.kind, e.views])).toEqual([["viewed", LINK_EVENTS_SHOWN]]);
    // Its creation (by the patient), the wrong passcodes and the views: all counted; the searches
    // and the refused dispensations, four rows for every view, are not events.
    expect(link.eventsNotShown).toBe(1 + WRONG_PASSCODES + OPENED_VIEWS - LINK_EVENTS_SHOWN);
    expect(link.moreEventsNotShown).toBe(false);
    expect(link.wrongPasscodes).toBe(WRONG_PASSCODES);
  });

  it("count a link's own events and wrong passcodes exactly whatever the bound, and the patient's rows about it up to the bound", async () => {
    // The opened link: its creation (the patient's row about it), then 3 + 120 rows of its own.
    const linkOfPrescription = async (id: string, countUpTo: number) =>
      (await listLinksWithEvents(patientId, prescriptionOf.get(id), new Date(), { perLink: LINK_EVENTS_SHOWN, countUpTo })).find((link) => link.id === id);
    const exact = await linkOfPrescription(opened, WRONG_PASSCODES + OPENED_VIEWS);
    expect(exact).toMatchObject({ eventsTotal: 1 + WRONG_PASSCODES + OPENED_VIEWS, eventsTotalCapped: false, wrongPasscodes: WRONG_PASSCODES });
    // A bound below its own events leaves them exact: they are not counted on the view.
    const bounded = await linkOfPrescription(opened, 100);
    expect(bounded).toMatchObject({ eventsTotal: 1 + WRONG_PASSCODES + OPENED_VIEWS, eventsTotalCapped: false, wrongPasscodes: WRONG_PASSCODES });
    // The patient's rows about the busy link (600) are bounded the same way.
    const busyLink = await linkOfPrescription(busy, 100);
    expect(busyLink).toMatchObject({ eventsTotal: 100, eventsTotalCapped: true, wrongPasscodes: 0 });
    expect(busyLink?.events).toHaveLength(LINK_EVENTS_SHOWN);
    // Times come back as times, newest first.
    expect(busyLink?.events.every((event) => event.recorded instanceof Date && !Number.isNaN(event.recorded.getTime()))).toBe(true);
    const times = busyLink!.events.map((event) => event.recorded.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("keep each link's counts as its rows are written, and no more: a pharmacy's searches and refused dispensations are not events", async () => {
    const counts = await db().sql.query<{ agent: string; events: string; wrong_passcodes: string }>(
      "SELECT agent, events::text, wrong_passcodes::text FROM share_link_event_count WHERE patient_id = $1::uuid",
      [patientId],
    );
    // Only the opened link acted itself; the patient's share rows are no row of a link's own.
    expect(counts).toEqual([{ agent: `Link/${opened}`, events: String(WRONG_PASSCODES + OPENED_VIEWS), wrong_passcodes: String(WRONG_PASSCODES) }]);
  });

  it("keep the counts out of the app's reach: its role reads them and cannot write them", async () => {
    await expect(db().sql.query("UPDATE share_link_event_count SET events = 0 WHERE patient_id = $1::uuid", [patientId])).rejects.toThrow(/permission denied/i);
    await expect(db().sql.query("INSERT INTO share_link_event_count (patient_id, agent, events) VALUES ($1::uuid, 'Link/x', 1)", [patientId])).rejects.toThrow(/permission denied/i);
    await expect(db().sql.query("DELETE FROM share_link_event_count WHERE patient_id = $1::uuid", [patientId])).rejects.toThrow(/permission denied/i);
  });

  it("count a link's activity once, not once per row shown, even under the generic plan of a statement prepared once per connection", async () => {
    // The app's driver prepares its statements once per connection; after five runs PostgreSQL may
    // switch to a generic plan, which counted the link's whole activity again for each of the 50
    // rows shown (167 ms against 19 ms on a link opened 7,500 times). Forced here, on one connection.
    type PlanNode = { "Node Type": string; "Actual Loops": number; "Index Name"?: string; Plans?: PlanNode[] };
    const aggregates = (node: PlanNode): PlanNode[] => [...(node["Node Type"] === "Aggregate" ? [node] : []), ...(node.Plans ?? []).flatMap(aggregates)];
    const indexes = (node: PlanNode): string[] => [...(node["Index Name"] ? [node["Index Name"]] : []), ...(node.Plans ?? []).flatMap(indexes)];
    const { loops, used } = await db().sql.session(async (connection) => {
      await connection.exec("SET plan_cache_mode = force_generic_plan");
      try {
        await connection.exec(`PREPARE link_events_plan (uuid, text, timestamptz, int, int, bigint) AS ${LINKS_WITH_EVENTS_SQL}`);
        const [explained] = await connection.query<{ "QUERY PLAN": string | { Plan: PlanNode }[] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE link_events_plan ('${patientId}', '${prescriptionOf.get(opened)}', now(), ${ENDED_LINKS_SHOWN}, ${LINK_EVENTS_SHOWN}, 100)`,
        );
        const raw = explained!["QUERY PLAN"];
        const [plan] = typeof raw === "string" ? (JSON.parse(raw) as { Plan: PlanNode }[]) : raw;
        return { loops: aggregates(plan!.Plan).map((node) => node["Actual Loops"]), used: indexes(plan!.Plan) };
      } finally {
        await connection.exec("DEALLOCATE link_events_plan; RESET plan_cache_mode");
      }
    });
    // One count (the patient's rows about the link, bounded; its own events and wrong passcodes
    // are read from their row) and the gathering of its events into one array, each run once.
    expect(loops).toEqual([1, 1]);
    // The link's events from the index of its events alone, not from the whole trail.
    expect(used).toContain("audit_patient_link_events_idx");
  });
});
