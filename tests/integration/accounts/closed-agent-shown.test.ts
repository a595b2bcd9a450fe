import { randomUUID } from "node:crypto";
import type { Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { KIND_INFO } from "@/lib/notifications/kinds";
import * as notificationsPage from "@/pages/espace/notifications";
import * as relativesPage from "@/pages/espace/proches";
import * as delegationRoute from "@/pages/espace/proches/[id]";
import { reopenSpace } from "@/server/accounts/reopen-space";
import { openSession } from "@/server/auth/open-session";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { systemRepository } from "@/server/fhir/repository";
import { NOTIFICATION_SUBJECT } from "@/server/notifications/notification-email";
import { useTestDatabase } from "../../setup/test-database";
import { Browser } from "../auth/test-server";
import { sessionCookie, sessionOf } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { useCloseSpaceServer } from "./close-space-server";

/**
 * When a caregiver, or a parent, closes her own space (« Clôturer mon espace »), her ties as an
 * agent stay (close-space.ts says why) but her account opens nothing. Léa helps Camille and is,
 * with Paul, the guardian of their daughter Zoé. Through the closure's route over HTTP and the
 * pages as each person loads them: Camille's « Proches et délégations » and Paul's in Zoé's space
 * say Léa can no longer act (not that she closed anything), and go back by themselves when the
 * assistance reopens her space; Camille and Paul are told in the portal and by an e-mail that
 * names no one and nothing of a record; a caregiver of Camille's, and a stranger, learn nothing.
 */
const db = useTestDatabase();
const serverBase = useCloseSpaceServer();

const html = (page: { html?: string }) => (page.html ?? "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("<!-- -->", "");
/** The list item of the person named, on a relatives page. */
const itemOf = (page: string, name: string) => page.slice(page.indexOf(name), page.indexOf("</li>", page.indexOf(name)));

async function person(given: string, birthDate = "1982-04-04") {
  const system = await systemRepository("closed-agent-tests");
  const patientId = (await system.create<Patient>(aPatient({ given, family: "Fermee", birthDate }))).id!;
  const totpSecret = newTotpSecret();
  const email = `${given.toLowerCase()}-${randomUUID()}@example.org`;
  const account = await createAccount({ email, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: `${given} Fermee` });
  return { patientId, email, account, totpSecret };
}

async function world() {
  const system = await systemRepository("closed-agent-tests");
  const end = addDaysToDay(parisDayOf(new Date()), 60);
  const [lea, camille, paul, marc, stranger] = await Promise.all([person("Lea"), person("Camille"), person("Paul"), person("Marc"), person("Nadia")]);
  await system.create(aDocument({ patientId: camille.patientId, title: "Bilan cardiologique de Camille" }));
  const delegationIds: string[] = [];
  for (const agent of [lea, marc]) {
    const tie = await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: agent.patientId, agentName: { given: agent === lea ? "Lea" : "Marc", family: "Fermee" }, scopes: ["documents:read"], end }));
    delegationIds.push(tie.id!);
  }
  const zoeId = (await system.create<Patient>(aPatient({ given: "Zoe", family: "Fermee", birthDate: "2016-02-02" }))).id!;
  for (const parent of [lea, paul]) {
    await system.create(aGuardianship({ patientId: zoeId, agentPatientId: parent.patientId, agentName: { given: parent === lea ? "Lea" : "Paul", family: "Fermee" }, scopes: [] }));
  }
  const leaBrowser = new Browser(serverBase(), "10.0.64.11");
  const [name, value] = (await sessionCookie(await openSession({ account: lea.account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
  leaBrowser.jar.set(name!, value!);
  return {
    lea,
    camille,
    paul,
    stranger,
    zoeId,
    leaBrowser,
    leaDelegationId: delegationIds[0]!,
    camilleCookie: (await sessionOf(camille.account)).cookie,
    paulInZoe: (await sessionOf(paul.account, zoeId)).cookie,
    marcInCamille: (await sessionOf(marc.account, camille.patientId)).cookie,
    strangerCookie: (await sessionOf(stranger.account)).cookie,
  };
}
type World = Awaited<ReturnType<typeof world>>;

async function closeLeasSpace(w: World) {
  const done = await w.leaBrowser.post("/compte/cloturer", { code: totpCode(w.lea.totpSecret, new Date()) });
  expect(done.headers.get("location")).toBe("/connexion?erreur=espace-cloture");
}

const page = async (cookie: string, address: string) => html(await servePage(relativesPage, "/espace/proches", { cookie, address, framed: true }));
const noticesOf = (patientId: string) => db().sql.query<{ kind: string }>("SELECT kind FROM notification WHERE patient_id = $1::uuid", [patientId]);
const mailsTo = (email: string) => db().sql.query<{ subject: string; text_body: string; kind: string }>("SELECT subject, text_body, kind FROM email_outbox WHERE recipient = $1", [email]);

describe("a caregiver or a parent who closed her own space, as the people relying on her see it", () => {
  it("is « Compte fermé » on the relatives page of the person she helped and of her child's other parent, and active again once the assistance reopens her space", async () => {
    const w = await world();
    const before = itemOf(await page(w.camilleCookie, "10.0.64.12"), "Lea Fermee");
    expect(before).toContain("État : Active");

    await closeLeasSpace(w);
    const camilles = itemOf(await page(w.camilleCookie, "10.0.64.12"), "Lea Fermee");
    expect(camilles).toContain("État : Compte fermé");
    expect(camilles).toContain("Cette personne ne peut plus agir pour vous.");
    expect(camilles).not.toContain("État : Active");
    // Only that her account is closed: nothing of her space, its closure, or her record.
    expect(camilles).not.toMatch(/clôtur|espace santé est|archiv/i);
    // Paul, in Zoé's space, reads it about Zoé; his own row is as it was.
    const pauls = await page(w.paulInZoe, "10.0.64.13");
    expect(itemOf(pauls, "Lea Fermee")).toContain("État : Compte fermé");
    expect(itemOf(pauls, "Lea Fermee")).toContain("Cette personne ne peut plus agir pour Zoe Fermee.");
    expect(itemOf(pauls, "Paul Fermee")).toContain("État : Active");
    expect(itemOf(pauls, "Paul Fermee")).not.toContain("Compte fermé");
    // Her delegation's own page, opened from the list, says it too, above the rights it still lists.
    const delegationPage = async () => html(await servePage(delegationRoute, `/espace/proches/${w.leaDelegationId}`, { cookie: w.camilleCookie, address: "10.0.64.14", params: { id: w.leaDelegationId }, framed: true }));
    expect(await delegationPage()).toContain("Compte fermé : cette personne ne peut plus agir pour vous");

    expect(await reopenSpace({ patientId: w.lea.patientId, operator: "Agent Martin", now: new Date() })).toMatchObject({ ok: true });
    const reopened = itemOf(await page(w.camilleCookie, "10.0.64.12"), "Lea Fermee");
    expect(reopened).toContain("État : Active");
    expect(reopened).not.toContain("Compte fermé");
    expect(itemOf(await page(w.paulInZoe, "10.0.64.13"), "Lea Fermee")).toContain("État : Active");
    expect(await delegationPage()).not.toContain("Compte fermé");
  });

  it("tells Camille and Paul at the closure, in the portal and by an e-mail without a name or anything of a record; Léa is not e-mailed as Zoé's guardian", async () => {
    const w = await world();
    await closeLeasSpace(w);
    expect((await noticesOf(w.camille.patientId)).map((n) => n.kind)).toEqual(["agent-account-closed"]);
    expect((await noticesOf(w.zoeId)).map((n) => n.kind)).toEqual(["agent-account-closed"]);

    const camillesList = html(await servePage(notificationsPage, "/espace/notifications", { cookie: w.camilleCookie, address: "10.0.64.14", framed: true }));
    expect(camillesList).toContain(KIND_INFO["agent-account-closed"].text);
    const paulsList = html(await servePage(notificationsPage, "/espace/notifications", { cookie: w.paulInZoe, address: "10.0.64.15", framed: true }));
    expect(paulsList).toContain("Une personne qui pouvait agir pour Zoe Fermee ne peut plus le faire : son compte est fermé.");

    for (const to of [w.camille.email, w.paul.email]) {
      const mails = (await mailsTo(to)).filter((mail) => mail.kind === "notification-agent-account-closed");
      expect(mails, to).toHaveLength(1);
      expect(mails[0]!.subject).toBe(NOTIFICATION_SUBJECT);
      expect(mails[0]!.text_body).not.toMatch(/Lea|Camille|Zoe|Paul|Fermee|Bilan|cardio|clôtur/i);
    }
    expect((await mailsTo(w.lea.email)).map((mail) => mail.kind)).not.toContain("notification-agent-account-closed");
  });

  it("e-mails Paul too when their child has an account of her own, as well as her", async () => {
    const w = await world();
    const system = await systemRepository("closed-agent-tests");
    const noe = await person("Noe", "2011-06-06");
    for (const parent of [w.lea, w.paul]) await system.create(aGuardianship({ patientId: noe.patientId, agentPatientId: parent.patientId, scopes: [] }));
    await closeLeasSpace(w);
    const told = async (email: string) => (await mailsTo(email)).filter((mail) => mail.kind === "notification-agent-account-closed").length;
    // Paul: once for Zoé, once for Noé.
    expect(await told(w.paul.email)).toBe(2);
    expect(await told(noe.email)).toBe(1);
    expect(await told(w.lea.email)).toBe(0);
  });

  it("tells nothing to a caregiver acting in Camille's space nor to a stranger, on their pages or by e-mail", async () => {
    const w = await world();
    await closeLeasSpace(w);
    const marcs = await page(w.marcInCamille, "10.0.64.16");
    expect(marcs).not.toContain("Lea Fermee");
    expect(marcs).not.toContain("Compte fermé");
    const strangers = await page(w.strangerCookie, "10.0.64.17");
    expect(strangers).not.toContain("Lea Fermee");
    expect(strangers).not.toContain("Compte fermé");
    expect(await noticesOf(w.stranger.patientId)).toEqual([]);
    expect((await mailsTo(w.stranger.email)).length).toBe(0);
  });

  it("tells nothing to a caregiver of Camille's who reads her notices (the history right) but not her relatives: not listed, not counted", async () => {
    const w = await world();
    const ana = await person("Ana");
    const system = await systemRepository("closed-agent-tests");
    const end = addDaysToDay(parisDayOf(new Date()), 60);
    await system.create(aDelegation({ patientId: w.camille.patientId, agentPatientId: ana.patientId, agentName: { given: "Ana", family: "Fermee" }, scopes: ["audit:read"], end }));
    const anaInCamille = (await sessionOf(ana.account, w.camille.patientId)).cookie;
    await closeLeasSpace(w);
    // Her « Proches et délégations » is not Ana's to read (no « Compte fermé » there: agents-acts-and-closures.ts);
    // the notice would say the same thing of one of the people Camille named, so it is left out for her.
    expect(await page(anaInCamille, "10.0.65.11")).not.toContain("Compte fermé");
    const anasList = html(await servePage(notificationsPage, "/espace/notifications", { cookie: anaInCamille, address: "10.0.65.12", framed: true }));
    expect(anasList).toContain("Camille Fermee");
    expect(anasList).not.toContain("son compte est fermé");
    // From her own space, Camille's is not announced with an unread notice she could not open.
    const anasOwn = html(await servePage(notificationsPage, "/espace/notifications", { cookie: (await sessionOf(ana.account)).cookie, address: "10.0.65.13", framed: true }));
    expect(anasOwn).not.toContain("Dans l'espace de Camille Fermee");
    // Camille still reads it.
    expect(html(await servePage(notificationsPage, "/espace/notifications", { cookie: w.camilleCookie, address: "10.0.65.14", framed: true }))).toContain(KIND_INFO["agent-account-closed"].text);
  });
});
