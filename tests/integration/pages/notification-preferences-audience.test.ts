import { describe, expect, it } from "vitest";
import { POST as preferencesRoute } from "@/app/api/notifications/preferences/route";
import * as patientPreferences from "@/pages/espace/notifications/preferences";
import { addDaysToDay, addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { KIND_INFO, type NotificationKind } from "@/lib/notifications/kinds";
import { systemRepository } from "@/server/fhir/repository";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, type SignedIn } from "../fhir-api/http";
import { formPost } from "../prescriptions/http";
import { servePage } from "./pages-route";

const db = useTestDatabase();

/** A label as the page's HTML spells it (React escapes the apostrophes). */
const label = (kind: NotificationKind) => KIND_INFO[kind].label.replace(/'/g, "&#x27;");
const MAJORITY: NotificationKind[] = ["majority-approaching", "majority-guardian"];
const CAREGIVER: NotificationKind[] = ["message-answered-for-caregiver", "delegation-revoked"];
// agent-account-closed reaches a guardian of a minor too: the child's notice is e-mailed to the other guardian (close-space.ts).
const ACTED_FOR: NotificationKind[] = ["sharing-changed-for-you", "record-copied-for-you", "agent-account-closed"];
const yearsAgo = (years: number) => addMonthsToDay(parisDayOf(new Date()), -12 * years);

async function aPerson(given: string, birthDate: string): Promise<{ id: string; session: SignedIn }> {
  const system = await systemRepository("notification-preferences-audience-tests");
  const id = (await system.create(aPatient({ given, family: "Audience", birthDate }))).id!;
  return { id, session: await signIn(`Patient/${id}`, { name: `${given} Audience` }) };
}

async function preferencesPage(session: SignedIn): Promise<string> {
  return (await servePage(patientPreferences, "/espace/notifications/preferences", { cookie: session.cookie })).html!;
}

const listed = (page: string, kinds: NotificationKind[]) => kinds.filter((kind) => page.includes(label(kind)));

/**
 * The page listed every kind whoever read it: an adult without a child read « Passage à la
 * majorité », someone who helps no one a caregiver's « Réponse à un message que vous avez écrit
 * pour une personne que vous aidez ». A kind is listed only where it can reach the account.
 */
describe("the notification preferences of a patient's account list only the kinds that can reach it", () => {
  it("an adult who guards no minor, helps no one and named no one is offered neither the majority's kinds, nor a caregiver's, nor those of acts for her", async () => {
    const { session } = await aPerson("Adèle", "1980-03-04");
    const page = await preferencesPage(session);
    expect(listed(page, [...MAJORITY, ...CAREGIVER, ...ACTED_FOR])).toEqual([]);
    expect(page).toContain(label("document-added"));
    expect(page).toContain(label("delegation-changed"));
  });

  it("a minor reads the notice of her own majority, not a guardian's", async () => {
    const { session } = await aPerson("Mila", yearsAgo(12));
    expect(listed(await preferencesPage(session), MAJORITY)).toEqual(["majority-approaching"]);
  });

  it("a guardian of a minor reads both majority kinds (the child's notice is e-mailed to her too); a guardianship ended at majority gives none", async () => {
    const system = await systemRepository("notification-preferences-audience-tests");
    const parent = await aPerson("Paule", "1975-06-07");
    const child = (await system.create(aPatient({ given: "Tim", family: "Audience", birthDate: yearsAgo(10) }))).id!;
    await system.create(aGuardianship({ patientId: child, agentPatientId: parent.id, scopes: [] }));
    const parents = await preferencesPage(parent.session);
    expect(listed(parents, MAJORITY)).toEqual(MAJORITY);
    expect(listed(parents, ACTED_FOR)).toEqual(["agent-account-closed"]);

    const other = await aPerson("Hervé", "1950-01-02");
    const grownUp = (await system.create(aPatient({ given: "Léa", family: "Audience", birthDate: addDaysToDay(yearsAgo(25), -3) }))).id!;
    await system.create(aGuardianship({ patientId: grownUp, agentPatientId: other.id, scopes: [] }));
    expect(listed(await preferencesPage(other.session), MAJORITY)).toEqual([]);
  });

  it("someone who received a caregiver's delegation, even one that has ended, is offered the caregiver's kinds; the one who gave it, those of acts for her", async () => {
    const system = await systemRepository("notification-preferences-audience-tests");
    const helper = await aPerson("Aude", "1985-09-10");
    const helped = await aPerson("Gaston", "1940-02-03");
    await system.create(aDelegation({ patientId: helped.id, agentPatientId: helper.id, scopes: ["messages:write"], start: "2020-01-01", end: "2021-01-01" }));
    const page = await preferencesPage(helper.session);
    expect(listed(page, [...CAREGIVER, ...ACTED_FOR])).toEqual(CAREGIVER);
    expect(page).toContain('name="email-message-answered-for-caregiver"');
    expect(listed(await preferencesPage(helped.session), [...CAREGIVER, ...ACTED_FOR])).toEqual(ACTED_FOR);
  });

  it("saving the form keeps a choice stored for a kind it no longer lists", async () => {
    const adult = await aPerson("Bruno", "1982-11-12");
    await db().sql.query(
      `INSERT INTO notification_preference (account_id, kind, email) VALUES ($1::uuid, 'message-answered-for-caregiver', true), ($1::uuid, 'document-added', true)`,
      [adult.session.accountId],
    );
    // The form as the page renders it: every box left unchecked.
    const request = formPost("/api/notifications/preferences", {}, { cookie: adult.session.cookie });
    const response = await inRequestScope(request, () => preferencesRoute(request));
    expect(response.status).toBe(303);
    const rows = await db().sql.query<{ kind: string; email: boolean }>("SELECT kind, email FROM notification_preference WHERE account_id = $1::uuid", [adult.session.accountId]);
    const byKind = Object.fromEntries(rows.map((row) => [row.kind, row.email]));
    expect(byKind["document-added"]).toBe(false);
    expect(byKind["message-answered-for-caregiver"]).toBe(true);
  });
});
