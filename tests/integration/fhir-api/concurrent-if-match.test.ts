import type { DocumentReference } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, resourceOf, sameOrigin, signIn, warmUpValidator } from "./http";

const db = useTestDatabase();

/**
 * SECURITY-CASES 36: 100 clients update the same version at once, each with If-Match on it.
 * Exactly one wins; the 99 others learn (412) that the resource changed, and nothing of theirs
 * is written: one new version, one update row in the audit trail.
 */
const WRITERS = 100;

describe("concurrent updates of one version with If-Match", () => {
  it("let exactly one of 100 succeed; the 99 others answer 412 and change nothing", async () => {
    warmUpValidator();
    const system = await systemRepository("fhir-api-concurrency-tests");
    const patientId = (await system.create(aPatient({ given: "Camille" }))).id!;
    const stored = await system.create(aDocument({ patientId, kind: "personal", author: `Patient/${patientId}` }));
    const { cookie } = await signIn(`Patient/${patientId}`);
    const path = `DocumentReference/${stored.id}`;
    const before = resourceOf<DocumentReference>(await fhir("GET", path, { cookie }));
    const version = before.meta?.versionId ?? "";

    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        fhir("PUT", path, {
          cookie,
          body: { ...before, description: `Écrit par le client ${writer}` },
          headers: sameOrigin({ "if-match": `W/"${version}"` }),
        }),
      ),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(WRITERS - 1);
    for (const answer of answers.filter((a) => a.status === 412)) expect(isOutcome(answer)).toBe(true);

    const winner = resourceOf<DocumentReference>(answers.find((answer) => answer.status === 200)!);
    const after = resourceOf<DocumentReference>(await fhir("GET", path, { cookie }));
    expect(after.meta?.versionId).toBe(String(Number(version) + 1));
    expect(after.description).toBe(winner.description);

    const { prisma } = db();
    const versions = await prisma.$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM fhir_resource_history WHERE id = $1::uuid",
      stored.id,
    );
    expect(versions[0]?.n).toBe(Number(version) + 1);
    const updates = await prisma.$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM audit_event WHERE entity = $1 AND interaction = 'update' AND outcome = 'success'",
      path,
    );
    expect(updates[0]?.n).toBe(1);
  }, 120_000);
});
