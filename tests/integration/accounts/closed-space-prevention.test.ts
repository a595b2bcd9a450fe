import { randomUUID } from "node:crypto";
import type { Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { aPatient } from "@/lib/fhir/builders/people";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { database } from "@/server/db/client";
import { systemRepository } from "@/server/fhir/repository";
import { runPreventionTick } from "@/server/prevention/daily/run-prevention-tick";
import { useTestDatabase } from "../../setup/test-database";
import { useCloseSpaceServer } from "./close-space-server";
import { signedInBrowser } from "../auth/signed-in-browser";

/**
 * A closed space (CSP art. R1111-36: « archivées » from the closure) is not evaluated by the daily
 * prevention job: the job read her vaccinations, conditions and screenings every day, wrote a row
 * of it in her trail each time (ten years of daily rows) and left « à faire » notices in a space
 * no one may open, found there at a reopening. A database of its own: the job reads every person.
 */
const db = useTestDatabase({ fresh: true });

const serverBase = useCloseSpaceServer();

const NOW = new Date("2026-12-01T09:00:00Z");

describe("the daily prevention job and a closed space", () => {
  it("reads nothing of it, writes nothing in its trail and leaves it no notice; an open space of the same age is still evaluated", async () => {
    const system = await systemRepository("closed-space-prevention-tests");
    const closedId = (await system.create<Patient>(aPatient({ given: "Jeanne", family: "Close", birthDate: "1950-06-02", gender: "female" }))).id!;
    const openId = (await system.create<Patient>(aPatient({ given: "Marie", family: "Ouverte", birthDate: "1950-06-02", gender: "female" }))).id!;
    const totpSecret = newTotpSecret();
    const account = await createAccount({ email: `jeanne-${randomUUID()}@example.org`, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${closedId}`, displayName: "Jeanne Close" });
    const browser = await signedInBrowser(serverBase(), account);
    const closed = await browser.post("/compte/cloturer", { code: totpCode(totpSecret, new Date()) });
    expect(closed.headers.get("location")).toBe("/connexion?erreur=espace-cloture");

    await runPreventionTick((await database()).sql, NOW);

    const jobRows = (patientId: string) =>
      db().sql.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_event WHERE patient_id = $1::uuid AND agent = 'System/prevention-daily'", [patientId]);
    expect((await jobRows(openId))[0]!.n).toBe("1");
    expect(await db().prisma.notification.count({ where: { patientId: openId } })).toBeGreaterThan(0);
    expect((await jobRows(closedId))[0]!.n).toBe("0");
    expect(await db().prisma.notification.count({ where: { patientId: closedId } })).toBe(0);
  }, 120_000);
});
