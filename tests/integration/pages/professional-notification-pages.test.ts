import { describe, expect, it } from "vitest";
import * as patientPreferences from "@/pages/espace/notifications/preferences";
import * as proNotifications from "@/pages/pro/notifications";
import * as proPreferences from "@/pages/pro/notifications/preferences";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { KIND_INFO, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/** A label as the page's HTML spells it (React escapes the apostrophes). */
const html = (text: string) => text.replace(/'/g, "&#x27;");

/**
 * A professional's notification pages offer what a professional can receive (a patient's
 * message, a sign-in to the account), in a professional's words; they offered the patient's
 * whole list (« Première consultation de votre dossier… »), found by an exploratory test.
 */
describe("a professional's notification pages", () => {
  it("offer a choice for the kinds a professional receives only, where a patient is offered every kind that can reach her", async () => {
    const system = await systemRepository("pro-notification-pages-tests");
    const doctor = await signIn(`Practitioner/${(await system.create(aPractitioner({ given: "Alix", family: "Notif" }))).id!}`, { name: "Dr Alix Notif" });
    const patient = await signIn(`Patient/${(await system.create(aPatient({ given: "Paule", family: "Notif" }))).id!}`, { name: "Paule Notif" });

    const pro = (await servePage(proPreferences, "/pro/notifications/preferences", { cookie: doctor.cookie })).html!;
    // Named on the page: as a choice, or among the kinds always e-mailed (notification-preferences-page.test.ts).
    const offered = NOTIFICATION_KINDS.filter((kind) => pro.includes(html(KIND_INFO[kind].label)));
    // A professional's account is opened like a patient's: each change to it is told (account-change-lines.ts).
    expect(offered).toEqual([
      "new-sign-in",
      "recovery-sign-in",
      "second-factor-replaced",
      "password-changed",
      "password-reset",
      "passkey-added",
      "passkey-removed",
      "recovery-codes-regenerated",
      "identity-linked",
      "identity-unlinked",
      // The assistance put the account back « à activer » (recover-account.ts): a professional's too.
      "second-factors-removed",
      "message-received",
    ]);
    expect(pro).not.toContain(html(KIND_INFO["pro-first-access"].label));

    const own = (await servePage(patientPreferences, "/espace/notifications/preferences", { cookie: patient.cookie })).html!;
    // An adult who guards no minor and helps no one: only the majority's kinds, a caregiver's, those of someone acting for her (or a child's guardians) and a judge's measure's are left out (notification-preferences-audience.test.ts).
    const notHers = new Set(["delegation-revoked", "message-answered-for-caregiver", "majority-approaching", "majority-guardian", "sharing-changed-for-you", "record-copied-for-you", "protection-measure-set", "protection-measure-ended", "protection-measure-ending", "agent-account-closed"]);
    expect(NOTIFICATION_KINDS.filter((kind) => own.includes(html(KIND_INFO[kind].label)))).toEqual(NOTIFICATION_KINDS.filter((kind) => !notHers.has(kind)));

    const list = (await servePage(proNotifications, "/pro/notifications", { cookie: doctor.cookie })).html!;
    expect(list).toContain("Ce qui concerne votre compte professionnel");
    // Every change to how the account is opened is told there too (account-change-lines.ts).
    expect(list).toContain(html("changements de vos moyens de connexion (mot de passe, clés d'accès, codes de secours)"));
    expect(list).not.toContain("accès à votre dossier, nouveaux documents");
  });
});
