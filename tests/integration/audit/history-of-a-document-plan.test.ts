import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { searchAuditRows } from "@/server/audit/read-audit-events";
import type { DocumentReference } from "@medplum/fhirtypes";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { recordStatements } from "../../setup/record-statements";
import { useTestDatabase } from "../../setup/test-database";
import { planOf } from "../query-plan";
import { tamper } from "./owner-sql";

// A database of its own: its statistics are those of this file's rows alone (see beforeAll).
const db = useTestDatabase({ fresh: true });

/**
 * « Tout l'historique de ce document » (historique.tsx?document=<id>) reads one document's rows of
 * a patient's trail, its versions' reads included (a vread's row names
 * "DocumentReference/<id>/_history/<n>"). A trail grows long (the pages bench's patient has
 * 100,000 rows): the page's statement must find the document's rows from the (patient, entity)
 * index, not walk the patient's trail testing each row, as a prefix match (`starts_with`) made it.
 */
const patientId = randomUUID();
const documentId = randomUUID();
const entity = `DocumentReference/${documentId}`;

beforeAll(async () => {
  // The patient and her document, in its second version (its first version's reads are those of "/_history/1").
  const system = await systemRepository("history-of-a-document-plan-tests");
  await system.create(aPatient({ id: patientId, given: "Longue", family: "Piste", birthDate: "1970-01-02" }));
  const document = await system.create<DocumentReference>(aDocument({ id: documentId, patientId, kind: "lab", title: "Bilan" }));
  await system.update<DocumentReference>({ ...document, description: "Bilan relu" });
  // Rows only, as the owner with the chain trigger off: what is measured here is the plan. The
  // patient's 90,000 rows (her searches, and her reads of 5,000 other documents, as a real trail
  // names many: PostgreSQL's estimate for a name it cannot foresee, in a generic plan, rests on
  // how many there are) and 30 reads of the document by a professional (2 of them of its
  // first version), among 20,000 rows of other patients.
  const others = Array.from({ length: 20 }, () => randomUUID());
  await tamper(db(), [
    {
      sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
            SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now(), 'Patient/' || ($1::uuid[])[1 + n % 20], 'patient', ($1::uuid[])[1 + n % 20], 'DocumentReference', 'search', 'success'
              FROM generate_series(1, 20000) AS n`,
      params: [others],
    },
    {
      sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
            SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now(), 'Practitioner/' || $3, 'practitioner', $1::uuid,
                   CASE WHEN n <= 2 THEN $2 || '/_history/1' ELSE $2 END, 'read', 'success'
              FROM generate_series(1, 30) AS n`,
      params: [patientId, entity, randomUUID()],
    },
    {
      sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
            SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now(), 'Patient/' || $1, 'patient', $1::uuid,
                   CASE WHEN n % 2 = 0 THEN 'DocumentReference' ELSE 'DocumentReference/' || md5((n % 5000)::text)::uuid END,
                   CASE WHEN n % 2 = 0 THEN 'search' ELSE 'read' END, 'success'
              FROM generate_series(1, 90000) AS n`,
      params: [patientId],
    },
  ]);
  await tamper(db(), [{ sql: "ANALYZE audit_event" }]);
}, 120_000);

/** The history's search of one document as the patient's own repository runs it, and its page's statement (text and values). */
async function historyStatement() {
  const repo = await createRepository({ kind: "patient", accountId: randomUUID(), patientId }, { address: "10.0.48.41" });
  const sent: { text: string; values: unknown[] }[] = [];
  const { result } = await recordStatements(
    db(),
    (text, values) => (text.includes("FROM audit_event a WHERE") ? (sent.push({ text, values: values ?? [] }), "page") : "other"),
    () => searchAuditRows(repo, { patientId, count: 50, offset: 0, order: "groups", total: true, entity }),
  );
  return { result, page: sent.find((statement) => statement.text.includes("ORDER BY"))! };
}

describe("the history of one document, on a long trail", () => {
  it("finds the document's 30 rows, its first version's reads among them", async () => {
    const { result } = await historyStatement();
    // The 30 reads, and the system's creation and update of the document.
    expect(result.total).toBe(32);
    expect(result.rows).toHaveLength(32);
    expect(result.rows.filter((row) => row.entity?.endsWith("/_history/1"))).toHaveLength(2);
  });

  it("reads them from the (patient, entity) index, throwing away no row of the patient's 90,000 others", async () => {
    const { page } = await historyStatement();
    for (const mode of ["force_custom_plan", "force_generic_plan"]) {
      const plan = await planOf(db(), page.text, page.values, { plan_cache_mode: mode }, { analyze: true });
      const scans = plan.filter((node) => node["Index Name"] || node["Node Type"] === "Seq Scan");
      expect(scans.map((node) => node["Index Name"] ?? node["Node Type"]), mode).toContain("audit_patient_entity_idx");
      expect(scans.map((node) => node["Node Type"]), mode).not.toContain("Seq Scan");
      const removed = Math.max(0, ...plan.map((node) => (node["Rows Removed by Filter"] ?? 0) * (node["Actual Loops"] ?? 1)));
      expect(removed, mode).toBeLessThan(1000);
    }
  });
});
