import { randomUUID } from "node:crypto";
import type { Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as closeRoute } from "@/app/compte/cloturer/route";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { systemRepository } from "@/server/fhir/repository";
import { eraseClosedSpaces } from "@/server/jobs/erase-closed-spaces";
import { useTestDatabase } from "../../setup/test-database";
import { signedInBrowser } from "../auth/signed-in-browser";
import { startTestServer } from "../auth/test-server";
import { warmUpValidator } from "../fhir-api/http";

/**
 * The erasure of a closed space's data by the daily jobs (CSP art. R1111-36): 30 days after a
 * closure with « Supprimer aussi mes données », ten years after one without; never before. The
 * audit trail stays, one unbroken chain.
 */
const db = useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  warmUpValidator();
  server = await startTestServer({ "/compte/cloturer": closeRoute });
});
afterAll(() => server.close());

async function closedSpace(erase: boolean) {
  const system = await systemRepository("erase-closed-space-tests");
  const patientId = (await system.create<Patient>(aPatient({ given: "Ines", family: "Effacee", birthDate: "1970-01-01" }))).id!;
  await system.create(aDocument({ patientId, title: "Radio d'Ines" }));
  const totpSecret = newTotpSecret();
  const email = `ines-${randomUUID()}@example.org`;
  const account = await createAccount({ email, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: "Ines Effacee" });
  const browser = await signedInBrowser(server.base, account);
  const closed = await browser.post("/compte/cloturer", { code: totpCode(totpSecret, new Date()), ...(erase ? { erase: "oui" } : {}) });
  expect(closed.headers.get("location")).toBe("/connexion?erreur=espace-cloture");
  return { patientId, email, accountId: account.id };
}

async function left(space: { patientId: string; accountId: string }) {
  const count = async (sql: string, id: string) => Number((await db().sql.query<{ n: string }>(sql, [id]))[0]!.n);
  return {
    resources: await count("SELECT count(*)::text AS n FROM fhir_resource WHERE patient_id = $1::uuid", space.patientId),
    versions: await count("SELECT count(*)::text AS n FROM fhir_resource_history WHERE patient_id = $1::uuid", space.patientId),
    accounts: await count("SELECT count(*)::text AS n FROM account WHERE id = $1::uuid", space.accountId),
    trail: await count("SELECT count(*)::text AS n FROM audit_event WHERE patient_id = $1::uuid", space.patientId),
  };
}

/** The closure's date moved a minute into the past, as time would have done (a date not set stays unset). */
const pastDue = (column: "erase_due_at" | "archive_until", patientId: string) =>
  db().sql.query(`UPDATE space_closure SET ${column} = now() - interval '1 minute' WHERE patient_id = $1::uuid AND ${column} IS NOT NULL`, [patientId]);

describe("the daily erasure of closed spaces", () => {
  it("erases an express request once its 30 days are over, and only then; the trail stays whole and she is told", async () => {
    const space = await closedSpace(true);
    const due = await db().sql.query<{ erase_due_at: Date; closed_at: Date }>("SELECT erase_due_at, closed_at FROM space_closure WHERE patient_id = $1::uuid", [space.patientId]);
    expect(new Date(due[0]!.erase_due_at).getTime() - new Date(due[0]!.closed_at).getTime()).toBe(30 * 86_400_000);

    await eraseClosedSpaces(db().sql, new Date());
    const before = await left(space);
    expect(before.resources).toBeGreaterThan(0);
    expect(before.accounts).toBe(1);

    await pastDue("erase_due_at", space.patientId);
    await eraseClosedSpaces(db().sql, new Date());
    const after = await left(space);
    expect([after.resources, after.versions, after.accounts]).toEqual([0, 0, 0]);
    expect(after.trail).toBe(before.trail + 1);
    expect((await verifyAuditChain(db().sql, { patientIds: [space.patientId] })).ok).toBe(true);
    const mails = await db().sql.query<{ subject: string; text_body: string }>("SELECT subject, text_body FROM email_outbox WHERE recipient = $1", [space.email]);
    // The outbox kept every e-mail to her address (the closure's among them): only the one saying her data were erased is left.
    expect(mails.map((m) => m.subject)).toEqual(["Les données de votre espace santé ont été supprimées"]);
    expect(mails.map((m) => m.text_body).join("\n")).not.toContain("Radio d'Ines");
  });

  it("keeps a closure without a request archived until its ten years are over", async () => {
    const space = await closedSpace(false);
    await pastDue("erase_due_at", space.patientId); // no request: the column stays null
    await eraseClosedSpaces(db().sql, new Date());
    expect((await left(space)).resources).toBeGreaterThan(0);
    await pastDue("archive_until", space.patientId);
    await eraseClosedSpaces(db().sql, new Date());
    expect((await left(space)).resources).toBe(0);
  });

  it("is refused by the database for a space not due, whoever calls it", async () => {
    const space = await closedSpace(false);
    expect((await db().sql.query<{ versions: number }>("SELECT erase_closed_space($1::uuid) AS versions", [space.patientId]))[0]!.versions).toBe(0);
    expect((await left(space)).resources).toBeGreaterThan(0);
  });
});
