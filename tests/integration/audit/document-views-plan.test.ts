import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { DocumentReference } from "@medplum/fhirtypes";
import { DOCUMENT_VIEWS_AND_EMERGENCIES_SQL, DOCUMENT_VIEWS_SQL, DOCUMENTS_OPENED_SQL } from "@/server/audit/read-audit";
import { entityAndVersions } from "@/server/audit/entity-and-versions";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { planOf } from "../query-plan";
import { tamper } from "./owner-sql";

// A database of its own: its statistics are those of this file's rows alone (see beforeAll).
const db = useTestDatabase({ fresh: true });

/**
 * "Qui a consulté ce document" reads the newest views of one document on every view of its page
 * (read-audit.ts, DOCUMENT_VIEWS_SQL). On a long trail whose newest rows are other things (the
 * patient's searches), PostgreSQL planned it, with the document's id in hand, as a walk of the
 * whole table newest first, testing each row: 283 ms on the pages bench's held world, whose
 * patient's trail had grown to 471,000 rows, for a document read often but not lately (issue 16);
 * on this smaller trail, as every read of the document gathered and sorted. The document's reads
 * have their own index now, the patient's own apart from everyone else's
 * (prisma/migrations/20261215010000_document_views_by_whom): checked here, with the plan PostgreSQL
 * makes for the values of one view, the newest 50 by others and the patient's last straight from it.
 */
const patientId = randomUUID();
const documentId = randomUUID();
const entity = `DocumentReference/${documentId}`;
/** The statement's values for the document's views: the patient, the document's names, how many, its id. */
const viewsOf = (count: number) => [patientId, entityAndVersions(entity), count, documentId];

beforeAll(async () => {
  // The patient and her document, in its second version: its first version's reads name "/_history/1".
  const system = await systemRepository("document-views-plan-tests");
  await system.create(aPatient({ id: patientId, given: "Longue", family: "Lecture", birthDate: "1970-01-02" }));
  const document = await system.create<DocumentReference>(aDocument({ id: documentId, patientId, kind: "lab", title: "Bilan" }));
  await system.update<DocumentReference>({ ...document, description: "Bilan relu" });
  // Rows only, as the owner with the chain trigger off: what is measured here is the plan. First
  // 3,000 reads of the document by a professional and 3,000 by the patient, spread among 20,000
  // rows of other patients as a real trail spreads them over the table (in one block, the reads
  // sat on a few pages, and PostgreSQL, finding them cheap to gather and sort, planned that in
  // some runs of ANALYZE's sample and not in others); then 60,000 of the patient's searches.
  const others = Array.from({ length: 20 }, () => randomUUID());
  await tamper(db(), [
    {
      // First, 2,000 reads of its first version by professionals (a sync client's, say): older than every read below.
      sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
            SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now(), 'Practitioner/' || gen_random_uuid(), 'practitioner', $1::uuid, $2 || '/_history/1', 'vread', 'success'
              FROM generate_series(1, 2000)`,
      params: [patientId, entity],
    },
    {
      sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
            SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now(),
                   CASE n % 26 WHEN 0 THEN 'Practitioner/' || gen_random_uuid() WHEN 13 THEN 'Patient/' || $1 ELSE 'Patient/' || ($3::uuid[])[1 + n % 20] END,
                   'patient',
                   CASE WHEN n % 13 = 0 THEN $1::uuid ELSE ($3::uuid[])[1 + n % 20] END,
                   CASE WHEN n % 13 = 0 THEN $2 ELSE 'DocumentReference' END,
                   CASE WHEN n % 13 = 0 THEN 'read' ELSE 'search' END,
                   'success'
              FROM generate_series(1, 78000) AS n`,
      params: [patientId, `DocumentReference/${documentId}`, others],
    },
    {
      sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
            SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now(), 'Patient/' || $1, 'patient', $1::uuid, 'DocumentReference', 'search', 'success'
              FROM generate_series(1, 60000)`,
      params: [patientId],
    },
  ]);
  await tamper(db(), [{ sql: "ANALYZE audit_event" }]);
}, 120_000);

/** The plan PostgreSQL makes for these values (a custom plan: the first five runs of a prepared statement get one). */
const customPlan = (sql: string, values: unknown[]) => planOf(db(), sql, values, { plan_cache_mode: "force_custom_plan" });

describe("who viewed a document, on a long trail", () => {
  it("reads the others' reads and the patient's own from their parts of the index, not the whole trail newest first", async () => {
    const plan = await customPlan(DOCUMENT_VIEWS_SQL, viewsOf(50));
    const scans = plan.filter((node) => node["Index Name"]?.startsWith("audit_document_views")).map((node) => [node["Node Type"], node["Index Name"]]);
    expect(scans).toEqual([
      ["Index Scan", "audit_document_views_by_whom_idx"],
      ["Index Scan", "audit_document_views_by_whom_idx"],
    ]);
  });

  it("reads its versions' reads too, from their own index, for the versions it has, without gathering every read", async () => {
    for (const mode of ["force_custom_plan", "force_generic_plan"]) {
      const plan = await planOf(db(), DOCUMENT_VIEWS_SQL, viewsOf(50), { plan_cache_mode: mode }, { analyze: true });
      expect(plan.map((node) => node["Node Type"]), mode).not.toContain("Seq Scan");
      // Its two versions asked of their index, in each part: not the 50 names a document could have.
      const versions = plan.filter((node) => node["Index Name"] === "audit_document_version_reads_idx");
      expect(versions, mode).toHaveLength(2);
      for (const node of versions) expect(node["Actual Loops"], mode).toBeLessThanOrEqual(2);
      // What the index scans gave: the newest 50 of each part and of each version, never the
      // document's 3,000 reads by others nor its first version's 2,000.
      const read = plan.filter((node) => node["Index Name"]).reduce((sum, node) => sum + (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1), 0);
      expect(read, mode).toBeLessThan(250);
    }
  });

  it("finds the newest 50 by others, newest first, and the patient's own newest, however many the patient made since", async () => {
    const rows = await db().sql.query<{ id: string; agent: string }>(DOCUMENT_VIEWS_SQL, viewsOf(50));
    const newestBy = async (patientsOwn: boolean) =>
      (
        await db().sql.query<{ id: string }>(
          `SELECT id::text AS id FROM audit_event WHERE entity = $1 AND (agent = 'Patient/' || patient_id::text) = $2 ORDER BY seq DESC LIMIT 1`,
          [`DocumentReference/${documentId}`, patientsOwn],
        )
      )[0]!.id;
    const others = rows.filter((row) => row.agent !== `Patient/${patientId}`);
    const own = rows.filter((row) => row.agent === `Patient/${patientId}`);
    expect(others).toHaveLength(50);
    expect(others[0]!.id).toBe(await newestBy(false));
    expect(own.map((row) => row.id)).toEqual([await newestBy(true)]);
  });

  it("reads the record's emergency accesses in the same statement, from their own index, beside the same two parts", async () => {
    const plan = await customPlan(DOCUMENT_VIEWS_AND_EMERGENCIES_SQL, [...viewsOf(50), new Date(0).toISOString(), 200]);
    const scans = plan.filter((node) => node["Index Name"]?.startsWith("audit_document_views") || node["Index Name"]?.startsWith("audit_patient_emergency")).map((node) => [node["Node Type"], node["Index Name"]]);
    expect(scans).toEqual([
      ["Index Scan", "audit_document_views_by_whom_idx"],
      ["Index Scan", "audit_document_views_by_whom_idx"],
      ["Index Scan", "audit_patient_emergency_idx"],
    ]);
  });

  it("tells the views from the emergency accesses, and reads only this patient's, since the date given", async () => {
    const professional = `Practitioner/${randomUUID()}`;
    await tamper(db(), [
      {
        sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
              SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now() - make_interval(days => n), $2, 'practitioner', CASE WHEN n = 3 THEN gen_random_uuid() ELSE $1::uuid END,
                     'Patient/' || $1, 'emergency-access', CASE WHEN n = 4 THEN 'denied' ELSE 'success' END
                FROM generate_series(1, 5) AS n`,
        params: [patientId, professional],
      },
    ]);
    const rows = await db().sql.query<{ part: string; agent: string; outcome: string }>(DOCUMENT_VIEWS_AND_EMERGENCIES_SQL, [
      ...viewsOf(50),
      new Date(Date.now() - 4.5 * 86_400_000),
      200,
    ]);
    const views = rows.filter((row) => row.part === "view");
    const emergencies = rows.filter((row) => row.part === "emergency");
    expect(views).toHaveLength(51);
    // Days 1 and 2 (day 3 is another patient's, day 4 refused, day 5 before the date given).
    expect(emergencies.map((row) => [row.agent, row.outcome])).toEqual([
      [professional, "success"],
      [professional, "success"],
    ]);
  });

  it("tells a new document from one already opened without walking the other readers' reads of it", async () => {
    // A document a professional opened 3,000 times and the patient never did: the documents
    // page asks, on every view while it is new, whether the patient has opened it. The answer
    // (no) once came from every one of the professional's reads, read from the index and thrown
    // away one by one (8-11 ms on the bench's world for 14,184 of them, issue 16).
    const newDocument = `DocumentReference/${randomUUID()}`;
    const professional = `Practitioner/${randomUUID()}`;
    await tamper(db(), [
      {
        sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
              SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now(), $2, 'practitioner', $1::uuid, $3, 'read', 'success'
                FROM generate_series(1, 3000)`,
        params: [patientId, professional, newDocument],
      },
    ]);
    const patient = `Patient/${patientId}`;
    const documents = [newDocument, `DocumentReference/${documentId}`];
    const opened = async (agent: string) =>
      (await db().sql.query<{ entity: string }>(DOCUMENTS_OPENED_SQL, [patientId, agent, documents, agent === patient ? 1 : 0])).map((row) => row.entity).sort();
    expect(await opened(patient)).toEqual([`DocumentReference/${documentId}`]);
    expect(await opened(professional)).toEqual([newDocument]);
    expect(await opened(`Practitioner/${randomUUID()}`)).toEqual([]);

    const plan = await planOf(db(), DOCUMENTS_OPENED_SQL, [patientId, patient, documents, 1], { plan_cache_mode: "force_generic_plan" }, { analyze: true });
    const scans = plan.filter((node) => node["Index Name"] === "audit_document_views_by_whom_idx");
    expect(scans).not.toHaveLength(0);
    for (const scan of scans) expect(scan["Index Cond"]).toMatch(/CASE WHEN/);
    const thrownAway = plan.reduce((sum, node) => sum + (node["Rows Removed by Filter"] ?? 0) * (node["Actual Loops"] ?? 1), 0);
    expect(thrownAway).toBeLessThan(10);
  });

  it("puts a newer read of an older version first, the professional's among the others' and the patient's own as hers", async () => {
    const professional = `Practitioner/${randomUUID()}`;
    await tamper(db(), [
      {
        sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
              VALUES (nextval('audit_event_seq_seq'), gen_random_uuid(), now(), $3, 'practitioner', $1::uuid, $2 || '/_history/1', 'vread', 'success'),
                     (nextval('audit_event_seq_seq'), gen_random_uuid(), now(), 'Patient/' || $1, 'patient', $1::uuid, $2 || '/_history/2', 'vread', 'success')`,
        params: [patientId, entity, professional],
      },
    ]);
    const rows = await db().sql.query<{ agent: string }>(DOCUMENT_VIEWS_SQL, viewsOf(50));
    const others = rows.filter((row) => row.agent !== `Patient/${patientId}`);
    expect(others).toHaveLength(50);
    expect(others[0]!.agent).toBe(professional);
    const own = await db().sql.query<{ entity: string }>(
      `SELECT entity FROM audit_event WHERE id IN (SELECT id::uuid FROM (${DOCUMENT_VIEWS_SQL}) AS views WHERE agent = 'Patient/' || $1)`,
      viewsOf(50),
    );
    expect(own.map((row) => row.entity)).toEqual([`${entity}/_history/2`]);
  });
});
