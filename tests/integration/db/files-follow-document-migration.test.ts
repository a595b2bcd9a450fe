import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { aDocument, binaryIdOf } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { confidentialityLabel } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf } from "../documents/world";
import { warmUpValidator } from "../fhir-api/http";

const db = useTestDatabase({ fresh: true });

/**
 * The data migration that brings files written before issue 10 in line with their documents:
 * a Binary takes its document's labels, the file of a deleted document is deleted with its
 * bytes erased, each change a version in the history; run twice, it changes nothing more.
 */
const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261130010000_files_follow_their_document/migration.sql");

let labelledBinary = "";
let deletedDocument = "";
let deletedBinary = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("migration-tests");
  const patientId = (await system.create(aPatient({ given: "Camille" }))).id!;
  const patient = await createRepository({ kind: "patient", accountId: "test", patientId });
  const file = async () => ({ bytes: await aPdf(["Texte du fichier"]), contentType: "application/pdf" });
  const labelled = await system.createDocument(aDocument({ patientId, kind: "personal", author: `Patient/${patientId}` }), await file());
  await patient.setSecurityLabels("DocumentReference", labelled.id!, [confidentialityLabel("V")]);
  labelledBinary = binaryIdOf(labelled)!;
  const deleted = await system.createDocument(aDocument({ patientId, kind: "personal", author: `Patient/${patientId}` }), await file(), { indexText: "texte" });
  deletedDocument = deleted.id!;
  deletedBinary = binaryIdOf(deleted)!;
  // The state an earlier release left: a file without its document's label, a deleted
  // document whose Binary, bytes and indexed text stayed.
  const { sql } = db();
  await sql.query(`UPDATE fhir_resource SET security = ARRAY[]::text[], content = content #- '{meta,security}' WHERE id = $1::uuid`, [labelledBinary]);
  await sql.query(`UPDATE fhir_resource SET deleted = TRUE, search_text = 'texte' WHERE id = $1::uuid`, [deletedDocument]);
}, 60_000);

async function runMigration() {
  await db().sql.exec(await readFile(MIGRATION, "utf8"));
}

async function historyCount(id: string): Promise<number> {
  const [row] = await db().sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM fhir_resource_history WHERE id = $1::uuid`, [id]);
  return row?.n ?? -1;
}

describe("files follow their document (migration)", () => {
  it("labels, deletes and erases what earlier releases left, with a version each, and is idempotent", async () => {
    const labelledVersions = await historyCount(labelledBinary);
    const deletedVersions = await historyCount(deletedBinary);
    await runMigration();
    const { sql, prisma } = db();
    const [labelled] = await sql.query<{ security: string[]; content: { meta?: { security?: { code?: string }[]; versionId?: string } }; version_id: number }>(
      `SELECT security, content, version_id FROM fhir_resource WHERE id = $1::uuid`,
      [labelledBinary],
    );
    expect(labelled?.security).toEqual(["V"]);
    expect(labelled?.content.meta?.security?.map((s) => s.code)).toEqual(["V"]);
    expect(labelled?.content.meta?.versionId).toBe(String(labelled?.version_id));
    expect(await historyCount(labelledBinary)).toBe(labelledVersions + 1);
    const [gone] = await sql.query<{ deleted: boolean }>(`SELECT deleted FROM fhir_resource WHERE id = $1::uuid`, [deletedBinary]);
    expect(gone?.deleted).toBe(true);
    expect(await prisma.binaryContent.findUnique({ where: { id: deletedBinary } })).toBeNull();
    expect(await historyCount(deletedBinary)).toBe(deletedVersions + 1);
    const [document] = await sql.query<{ search_text: string | null }>(`SELECT search_text FROM fhir_resource WHERE id = $1::uuid`, [deletedDocument]);
    expect(document?.search_text).toBeNull();
    expect(await prisma.binaryContent.findUnique({ where: { id: labelledBinary } })).not.toBeNull();

    await runMigration();
    expect(await historyCount(labelledBinary)).toBe(labelledVersions + 1);
    expect(await historyCount(deletedBinary)).toBe(deletedVersions + 1);
  });
});
