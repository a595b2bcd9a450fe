import { describe, expect, it } from "vitest";
import * as afterSignInPage from "@/pages/connexion/suite";
import * as patientAccount from "@/pages/espace/compte";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { pauseSecondFactor } from "@/server/db/account-store";
import { database } from "@/server/db/client";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { signIn } from "../fhir-api/http";
import { useTestDatabase } from "../../setup/test-database";
import { cameInWithRecoveryCode } from "../auth/recovery-sign-in-record";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * /connexion/suite, where every sign-in lands, served by the Pages Router without runtime
 * JavaScript. Its GET has two side effects (a security notice taken, a new TOTP secret after a
 * recovery code): a visit does them as before, an App Router prefetch does neither.
 */
async function people() {
  const system = await systemRepository("after-sign-in-tests");
  const patient = (await system.create(aPatient({ given: "Alix", family: "Suite", birthDate: "1980-04-12" }))).id!;
  const practitioner = (await system.create(aPractitioner({ given: "Paul", family: "Suite" }))).id!;
  return { patient: await signIn(`Patient/${patient}`, { name: "Alix Suite" }), practitioner: await signIn(`Practitioner/${practitioner}`, { name: "Dr Paul Suite" }) };
}

/** The notice pauseSecondFactor leaves for the owner (the pause itself already over). */
async function leaveNotice(accountId: string) {
  await pauseSecondFactor((await database()).sql, accountId, new Date(Date.now() - 60_000));
}

const pending = async (accountId: string) => (await accountForEnrolment(accountId))!.pendingTotpSecret;
const PREFETCH = { rsc: "1", "next-router-prefetch": "1" };

describe("/connexion/suite (Pages Router)", () => {
  it("sends a visitor without a session to sign in, and a signed-in person without a notice home", async () => {
    const { patient } = await people();
    expect(await servePage(afterSignInPage, "/connexion/suite")).toEqual({ status: 307, redirect: "/connexion" });
    expect(await servePage(afterSignInPage, "/connexion/suite", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/" });
    expect(await servePage(afterSignInPage, "/connexion/suite?secours=", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/" });
    expect(await pending(patient.accountId)).toBeNull();
  });

  it("after a recovery code, prepares a new TOTP secret and sends each kind of account to its own account page", async () => {
    const { patient, practitioner } = await people();
    await cameInWithRecoveryCode(patient);
    await cameInWithRecoveryCode(practitioner);
    expect(await servePage(afterSignInPage, "/connexion/suite?secours=1", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/espace/compte?secours=1" });
    expect(await pending(patient.accountId)).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await servePage(afterSignInPage, "/connexion/suite?secours=1", { cookie: practitioner.cookie })).toEqual({ status: 307, redirect: "/pro/compte?secours=1" });
    expect(await pending(practitioner.accountId)).toMatch(/^[A-Z2-7]{16,}$/);
  });

  it("does nothing a link to it could ask of someone who did not come in with a recovery code: no new secret, no « code de secours » said", async () => {
    const { patient } = await people();
    expect(await servePage(afterSignInPage, "/connexion/suite?secours=1", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/" });
    expect(await pending(patient.accountId)).toBeNull();
    const account = (await servePage(patientAccount, "/espace/compte?secours=1", { cookie: patient.cookie })).html!.replaceAll("&#x27;", "'");
    expect(account).toContain("Mon compte");
    expect(account).not.toContain("Vous vous êtes connecté·e avec un code de secours");
  });

  it("shows a security notice once, with the way on; an App Router prefetch neither takes it nor makes a secret", async () => {
    const { patient } = await people();
    await cameInWithRecoveryCode(patient);
    await leaveNotice(patient.accountId);
    expect(await servePage(afterSignInPage, "/connexion/suite?secours=1", { cookie: patient.cookie, headers: PREFETCH })).toEqual({ status: 204, ended: true });
    expect(await pending(patient.accountId)).toBeNull();

    const shown = await servePage(afterSignInPage, "/connexion/suite?secours=1", { cookie: patient.cookie });
    expect(shown.status).toBe(200);
    expect(shown.html).toContain("Avertissement de sécurité");
    expect(shown.html).toContain('role="status"');
    expect(shown.html).toContain('href="/espace/compte?secours=1"');
    expect(await pending(patient.accountId)).toMatch(/^[A-Z2-7]{16,}$/);
    // Taken: the next sign-in goes straight on.
    expect(await servePage(afterSignInPage, "/connexion/suite", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/" });
  });
});
