import type { Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { aPatient } from "@/lib/fhir/builders/people";
import { inviteAccount } from "@/server/accounts/invite-account";
import { startActivation } from "@/server/accounts/start-activation";
import { checkSession } from "@/server/auth/check-session";
import { openSession } from "@/server/auth/open-session";
import { newTotpSecret } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { createAccount } from "@/server/db/account-store";
import { database } from "@/server/db/client";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { systemRepository } from "@/server/fhir/repository";
import { secrets } from "@/server/secrets";
import { useCommandDatabase } from "../command-database";
import { anAddress } from "./helpers";

/**
 * `npm run account:recover` as the assistance runs it: a separate process on the environment's
 * database (a PGlite data directory on disk, or DATABASE_URL on a server), its exit code, what it
 * prints, and what it changed, read back in this process (the use case's every door:
 * account-recovery.test.ts).
 */
const command = useCommandDatabase("recovercli");

const withDatabase = <T>(fn: () => Promise<T>) => command.withDatabase(fn);

/** With this process's secrets, so the code it prints is checked by the same key as /activer's here. */
const runRecover = (args: string[]) =>
  command.run("scripts/account-recover.ts", args, { AUTH_SECRET: secrets().authSecret, STORAGE_KEY: secrets().storageKey.toString("base64") });

const BIRTH_DATE = "1968-11-02";

describe("npm run account:recover", () => {
  it("prints the code once, with where and until when; the account's ways in and sessions are gone, and the code with the birth date starts its activation", async () => {
    const before = await withDatabase(async () => {
      const patient = await (await systemRepository("account-recover-cli")).create<Patient>(aPatient({ given: "Odile", family: "Commande", birthDate: BIRTH_DATE }));
      const account = await createAccount({ email: `cli-${patient.id}@example.org`, password: "girafe nuage tournevis printemps", totpSecret: newTotpSecret(), kind: "patient", fhirRef: `Patient/${patient.id}`, displayName: "Odile Commande" });
      await regenerateRecoveryCodes(account.id, new Date());
      const sessionId = await openSession({ account, now: new Date(), userAgent: "vitest", openedWith: { method: "password" } });
      return { patientId: patient.id!, account, sessionId };
    });

    // Without who runs it, nothing happens: the session still holds, exit code 1.
    const anonymous = await runRecover(["--patient", before.patientId]);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('Récupération refusée : indiquez qui lance la commande : --par "<votre nom ou identifiant>". Rien n\'a été modifié.');
    expect(anonymous.stdout).toBe("");
    await withDatabase(async () => {
      expect(await checkSession(before.sessionId, new Date())).toBeDefined();
      expect(await accountForEnrolment(before.account.id)).toMatchObject({ hasPassword: true, hasTotp: true });
    });

    const run = await runRecover(["--patient", before.patientId, "--par", "Claire Assistance (A-042)"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const code = /Code d'activation \(affiché une seule fois, à transmettre par un canal vérifié\) : (\S+)/.exec(run.stdout)?.[1];
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(run.stdout).toMatch(/Adresse d'activation : http\S+\/activer\n/);
    expect(run.stdout).toMatch(/Valable jusqu'au : \d{4}-\d\d-\d\dT/);

    await withDatabase(async () => {
      expect(await checkSession(before.sessionId, new Date())).toBeUndefined();
      expect(await accountForEnrolment(before.account.id)).toMatchObject({ hasPassword: false, hasTotp: false, activatedAt: null });
      expect(await remainingRecoveryCodes(before.account.id)).toBe(0);
      const { sql } = await database();
      const mails = await sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1", [`cli-${before.patientId}@example.org`]);
      expect(mails.some((mail) => mail.text_body.includes("à la suite de la demande faite à l'assistance"))).toBe(true);
      // The trail keeps who at the assistance did it; her e-mail does not name them.
      expect(mails.some((mail) => mail.text_body.includes("Claire"))).toBe(false);
      const trail = await sql.query<{ detail: string }>("SELECT detail FROM account_event WHERE account_id = $1 AND kind = 'second-factors-removed'", [before.account.id]);
      expect(trail.map((row) => row.detail)).toEqual(["assistance : Claire Assistance (A-042)"]);
      expect(await startActivation({ code: code!, birthDate: BIRTH_DATE, address: anAddress(), userAgent: null, now: new Date() })).toMatchObject({ ok: true });
    });
  }, 120_000);

  it("refuses an unknown id and an account never activated, exit code 1, saying why and that nothing changed", async () => {
    const invited = await withDatabase(async () => {
      const patient = await (await systemRepository("account-recover-cli")).create<Patient>(aPatient({ birthDate: BIRTH_DATE }));
      const result = await inviteAccount({ kind: "patient", resourceId: patient.id!, email: `cli-never-${patient.id}@example.org`, now: new Date() });
      if (!result.ok) throw new Error(result.reason);
      return { patientId: patient.id!, code: result.code };
    });
    const unknown = await runRecover(["--practitioner", "3f1c9c1e-0000-4000-8000-000000000000", "--par", "A-042"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Récupération refusée : aucun compte n'est lié à cette ressource");
    expect(unknown.stderr).toContain("Rien n'a été modifié.");
    const never = await runRecover(["--patient", invited.patientId, "--par", "A-042"]);
    expect(never.code).toBe(1);
    expect(never.stderr).toContain("Récupération refusée : ce compte n'a jamais été activé : envoyez une nouvelle invitation (npm run account:invite). Rien n'a été modifié.");
    expect(never.stdout).toBe("");
    // The invitation's code is as it was.
    await withDatabase(async () => {
      expect(await startActivation({ code: invited.code, birthDate: BIRTH_DATE, address: anAddress(), userAgent: null, now: new Date() })).toMatchObject({ ok: true });
    });
    const usage = await runRecover([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("APRÈS avoir vérifié l'identité de la personne");
  }, 180_000);
});
