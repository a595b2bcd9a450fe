import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { Repository } from "@/server/fhir/repository";
import { validateForWrite } from "@/server/fhir/validate";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { useCommandDatabase } from "../command-database";
import { tamper } from "./owner-sql";

// `npm run audit:verify` as an operator runs it: a separate process on the environment's
// database (a PGlite data directory on disk, or DATABASE_URL on a server), its exit code and
// its French summary.
const command = useCommandDatabase("auditcli");

beforeAll(() => {
  // Builds the FHIR validator's index (a second or more) before any write's transaction starts.
  validateForWrite(aPatient());
});

/** Opens the environment's database in this process (the CLI must not run meanwhile on PGlite). */
async function withDatabase(fn: (db: Database) => Promise<void>) {
  const db = await command.open();
  try {
    await fn(db);
  } finally {
    await command.close(db);
  }
}

const runVerify = () => command.run("scripts/audit-verify.ts");

describe("npm run audit:verify", () => {
  let patientId = "";
  let conditionRow = "";

  it("exits 0 and says every chain is intact, with the rows checked per patient", async () => {
    await withDatabase(async (db) => {
      const system = new Repository(db, { kind: "system", purpose: "audit-verify-cli" });
      patientId = (await system.create(aPatient({ given: "Inès", family: "Vérif" }))).id!;
      const patient = new Repository(db, { kind: "patient", accountId: newId(), patientId });
      const condition = await patient.create(aCondition({ patientId }));
      await patient.read("Condition", condition.id!);
      await patient.search("Condition", { patientId });
      const [row] = await db.sql.query<{ id: string }>(
        "SELECT id::text AS id FROM audit_event WHERE patient_id = $1::uuid AND interaction = 'create' AND entity = $2",
        [patientId, `Condition/${condition.id}`],
      );
      conditionRow = row!.id;
    });
    const run = await runVerify();
    expect(run.stderr).not.toMatch(/Échec/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Patient ${patientId} : 4 lignes vérifiées, intacte.`);
    expect(run.stdout).toMatch(/Résultat : chaîne d'audit intacte \(\d+ lignes vérifiées, \d+ chaînes?\)\./);
  }, 90_000);

  it("exits 1 and names the edited row once a row was changed by hand", async () => {
    await withDatabase((db) => tamper(db, [{ sql: "UPDATE audit_event SET outcome = 'denied' WHERE id = $1::uuid", params: [conditionRow] }]));
    const run = await runVerify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Patient ${patientId} : 4 lignes vérifiées, 1 problème :`);
    expect(run.stdout).toContain(`ligne 2 (id ${conditionRow}) modifiée : son contenu ne correspond plus à son empreinte.`);
    expect(run.stdout).toMatch(/Résultat : 1 problème détecté dans 1 chaîne sur \d+/);
  }, 90_000);
});
