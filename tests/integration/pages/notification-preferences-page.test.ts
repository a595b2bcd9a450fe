import { describe, expect, it } from "vitest";
import * as patientPreferences from "@/pages/espace/notifications/preferences";
import * as proPreferences from "@/pages/pro/notifications/preferences";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { ACCOUNT_ACCESS_KINDS } from "@/lib/notifications/account-access-kinds";
import { KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/** A label as the page's HTML spells it (React escapes the apostrophes). */
const html = (text: string) => text.replace(/'/g, "&#x27;");
/**
 * What reaches an adult who guards no minor, helps no one and named no one to act for her
 * (notification-preferences-audience.test.ts); nor is she under a judge's protection measure, or
 * anyone's representative under one (kind-audience.ts).
 */
const NOT_HERS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  "delegation-revoked",
  "message-answered-for-caregiver",
  "majority-approaching",
  "majority-guardian",
  "sharing-changed-for-you",
  "record-copied-for-you",
  "protection-measure-set",
  "protection-measure-ended",
  "protection-measure-ending",
  "agent-account-closed",
]);
const hers = NOTIFICATION_KINDS.filter((kind) => !NOT_HERS.has(kind));
const choosable = hers.filter((kind) => !KIND_INFO[kind].security);
const security = hers.filter((kind) => KIND_INFO[kind].security);

/** The page's text between two of its markers, to say where a label stands. */
const between = (page: string, from: string, to?: string) => {
  const start = page.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? page.length : page.indexOf(to, start);
  expect(end, to).toBeGreaterThan(start);
  return page.slice(start, end);
};

/**
 * With the seven changes to how an account is opened, the page held 29 lines, 20 of them a
 * checked, greyed-out checkbox: the nine a person can actually choose were scattered among them.
 * The choices are the form's; the security kinds are listed apart, under « Toujours envoyées par
 * e-mail », the account's ways in first, then the space's.
 */
describe("the notification preferences page", () => {
  it("offers checkboxes for the kinds one may choose only, and lists the always-e-mailed kinds apart, grouped", async () => {
    const system = await systemRepository("notification-preferences-page-tests");
    const patient = await signIn(`Patient/${(await system.create(aPatient({ given: "Odile", family: "Choix" }))).id!}`, { name: "Odile Choix" });
    const page = (await servePage(patientPreferences, "/espace/notifications/preferences", { cookie: patient.cookie })).html!;

    expect(NOTIFICATION_KINDS.filter((kind) => page.includes(`name="email-${kind}"`))).toEqual(choosable);
    expect(page).not.toMatch(/<input[^>]*disabled/);

    const form = between(page, "<form", "</form>");
    for (const kind of choosable) expect(form, kind).toContain(html(KIND_INFO[kind].label));
    for (const kind of security) expect(form, kind).not.toContain(html(KIND_INFO[kind].label));

    const account = between(page, "Votre compte et vos connexions", "Votre espace santé et les personnes qui y agissent");
    const space = between(page, "Votre espace santé et les personnes qui y agissent");
    expect(page.indexOf("Toujours envoyées par e-mail")).toBeGreaterThan(page.indexOf("</form>"));
    for (const kind of security) {
      const label = html(KIND_INFO[kind].label);
      expect(ACCOUNT_ACCESS_KINDS.has(kind) ? account : space, kind).toContain(label);
    }
    // The e-mails of account changes say what changed (account-change-lines.ts): the page no longer promises they never do.
    expect(page).not.toContain("ne dit jamais de quoi il s");
    expect(page).toContain("L&#x27;e-mail ne contient aucune information de santé");
  });

  it("leaves a professional one choice, their sign-ins and account changes listed as always e-mailed", async () => {
    const system = await systemRepository("notification-preferences-page-tests");
    const doctor = await signIn(`Practitioner/${(await system.create(aPractitioner({ given: "Basile", family: "Choix" }))).id!}`, { name: "Dr Basile Choix" });
    const page = (await servePage(proPreferences, "/pro/notifications/preferences", { cookie: doctor.cookie })).html!;

    expect(NOTIFICATION_KINDS.filter((kind) => page.includes(`name="email-${kind}"`))).toEqual(["message-received"]);
    const account = between(page, "Votre compte et vos connexions");
    for (const kind of ACCOUNT_ACCESS_KINDS) expect(account, kind).toContain(html(KIND_INFO[kind].label));
    expect(page).not.toContain("Votre espace santé et les personnes qui y agissent");
  });
});
