import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "./owner-sql";

const db = useTestDatabase();

/**
 * Reads and searches leave their rows through one group commit (src/server/audit/audit-batch.ts).
 * Many at once on one patient: every request gets its own row, committed before it answers,
 * in one unbroken chain; a read that cannot be audited does not answer at all.
 */
describe("audit rows of concurrent reads", () => {
  it("gives each of 60 concurrent reads and searches its row, chained without a gap", async () => {
    const system = await systemRepository("audit-batch-tests");
    const patientId = (await system.create(aPatient({ given: "Rose" }))).id!;
    const document = await system.create(aDocument({ patientId, kind: "lab", date: "2024-01-15T09:00:00Z" }));
    const repo = await createRepository({ kind: "patient", accountId: "00000000-0000-4000-8000-00000000aaaa", patientId }, { address: "10.0.0.1" });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0 ? repo.search("DocumentReference", { patientId }).then((r) => r.resources.length) : repo.read("DocumentReference", document.id!).then(() => 1),
      ),
    );
    expect(answers.every((n) => n === 1)).toBe(true);
    const rows = await db().sql.query<{ interaction: string; chain_seq: string }>(
      "SELECT interaction, chain_seq::text AS chain_seq FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.1' ORDER BY audit_event.chain_seq",
      [patientId],
    );
    expect(rows.filter((r) => r.interaction === "read")).toHaveLength(40);
    expect(rows.filter((r) => r.interaction === "search")).toHaveLength(20);
    const report = await verifyAuditChain(db().sql, { patientIds: [patientId] });
    expect(report.ok).toBe(true);
    // Consecutive in the patient's chain: no row lost, none written twice.
    const first = Number(rows[0]!.chain_seq);
    expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 60 }, (_, i) => first + i));
  });

  it("does not hand a read over when its audit row cannot be written", async () => {
    const system = await systemRepository("audit-batch-tests");
    const patientId = (await system.create(aPatient({ given: "Iris" }))).id!;
    const document = await system.create(aDocument({ patientId, kind: "lab", date: "2024-01-15T09:00:00Z" }));
    // The database refuses the row (a constraint added for this test, as an outage would).
    const repo = await createRepository({ kind: "patient", accountId: "00000000-0000-4000-8000-00000000bbbb", patientId });
    // Only this patient's reads: other test files may share the database.
    await asOwner(db(), (owner) =>
      owner.exec(`ALTER TABLE audit_event ADD CONSTRAINT test_refuse_reads CHECK (interaction <> 'read' OR patient_id <> '${patientId}'::uuid) NOT VALID`),
    );
    try {
      await expect(repo.read("DocumentReference", document.id!)).rejects.toThrow(/test_refuse_reads/);
    } finally {
      await asOwner(db(), (owner) => owner.exec("ALTER TABLE audit_event DROP CONSTRAINT test_refuse_reads"));
    }
    await expect(repo.read("DocumentReference", document.id!)).resolves.toMatchObject({ id: document.id });
  });
});
