import { describe, expect, it } from "vitest";
import type { DocumentReference } from "@medplum/fhirtypes";
import { newId } from "@/lib/fhir/builders/ids";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { database } from "@/server/db/client";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { loadRow } from "@/server/fhir/resource-row";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

/**
 * A document's page reads the document's row beside the session, before the request's repository
 * exists (page-scope.ts, issue 16), and hands it to that repository (readingRow). The row is read
 * with no access check: these tests hold that the repository decides and audits on it exactly as
 * on a row it read itself, and never on a row older than the request's own changes.
 */
async function world() {
  const system = await systemRepository("row-beside-session-tests");
  const jean = (await system.create(aPatient({ given: "Jean", family: "Avance", birthDate: "1950-06-02" }))).id!;
  const nadia = (await system.create(aPatient({ given: "Nadia", family: "Avance", birthDate: "1992-11-25" }))).id!;
  const jeans = await system.create(aDocument({ patientId: jean, kind: "lab", title: "Bilan de Jean", date: "2026-03-02T09:00:00Z" }));
  const nadias = await system.create(aDocument({ patientId: nadia, kind: "lab", title: "Bilan de Nadia", date: "2026-04-02T09:00:00Z" }));
  return { system, jean, nadia, jeans: jeans.id!, nadias: nadias.id! };
}

const rowOf = async (id: string) => loadRow((await database()).sql, "DocumentReference", id);

describe("a row read before the request's repository existed", () => {
  it("is decided on: another person's document read that way is not found, and its owner's trail says who was refused", async () => {
    const { nadia, nadias, jean } = await world();
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId: jean }, { address: "10.0.0.31" });
    repo.readingRow("DocumentReference", nadias, rowOf(nadias));
    await expect(repo.read("DocumentReference", nadias)).rejects.toMatchObject({ status: 404 });
    const trail = await db().sql.query<{ outcome: string; agent: string }>(
      "SELECT outcome, agent FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.31'",
      [nadia],
    );
    expect(trail).toEqual([{ outcome: "denied", agent: `Patient/${jean}` }]);
  });

  it("is audited as a read of the resource, like a row the repository read itself", async () => {
    const { jean, jeans } = await world();
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId: jean }, { address: "10.0.0.32" });
    repo.readingRow("DocumentReference", jeans, rowOf(jeans));
    expect((await repo.read<DocumentReference>("DocumentReference", jeans)).description).toBe("Bilan de Jean");
    const trail = await db().sql.query<{ entity: string; interaction: string }>(
      "SELECT entity, interaction FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.32'",
      [jean],
    );
    expect(trail).toEqual([{ entity: `DocumentReference/${jeans}`, interaction: "read" }]);
  });

  it("is used once: a later read of the same resource finds what is stored by then", async () => {
    const { system, jean, jeans } = await world();
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId: jean });
    repo.readingRow("DocumentReference", jeans, rowOf(jeans));
    const first = await repo.read<DocumentReference>("DocumentReference", jeans);
    await system.update<DocumentReference>({ ...first, description: "Bilan de Jean, corrigé" });
    expect((await repo.read<DocumentReference>("DocumentReference", jeans)).description).toBe("Bilan de Jean, corrigé");
  });

  it("is forgotten at the request's own write: what it reads next is what it wrote", async () => {
    const { jean, jeans } = await world();
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId: jean });
    const before = await repo.read<DocumentReference>("DocumentReference", jeans);
    repo.readingRow("DocumentReference", jeans, rowOf(jeans));
    await repo.update<DocumentReference>({ ...before, description: "Bilan de Jean, renommé" });
    expect((await repo.read<DocumentReference>("DocumentReference", jeans)).description).toBe("Bilan de Jean, renommé");
  });

  it("that failed is read again by the repository, and one that found nothing is not found", async () => {
    const { jean, jeans } = await world();
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId: jean });
    repo.readingRow("DocumentReference", jeans, Promise.reject(new Error("connexion perdue")));
    expect((await repo.read<DocumentReference>("DocumentReference", jeans)).description).toBe("Bilan de Jean");
    const missing = "00000000-0000-4000-8000-000000000404";
    repo.readingRow("DocumentReference", missing, rowOf(missing));
    await expect(repo.read("DocumentReference", missing)).rejects.toMatchObject({ status: 404 });
  });
});
