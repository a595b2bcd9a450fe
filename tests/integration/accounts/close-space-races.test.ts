import { randomUUID } from "node:crypto";
import type { Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { POST as openLink } from "@/app/(link)/p/[linkId]/ouvrir/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import * as accountPage from "@/pages/espace/compte";
import * as pharmacistPage from "@/pages/p/[linkId]/index";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { acceptInvitation } from "@/server/delegations/accept-invitation";
import { inviteCaregiver } from "@/server/delegations/invite-caregiver";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { sharePrescription, type SharedLink } from "@/server/sharing/share-prescription";
import { useTestDatabase } from "../../setup/test-database";
import { useCloseSpaceServer } from "./close-space-server";
import { signedInBrowser } from "../auth/signed-in-browser";
import { fhir } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { APP, cookieOf, formPost, params, secretOf } from "../prescriptions/http";
import { LINES } from "../prescriptions/world";
import { holding, waitFor } from "../lock-holding";

/**
 * « Clôturer mon espace » posted in one tab while another tab's request, already past its session
 * check, shares a prescription or invites a caregiver: that request wrote after the closure had
 * revoked the space's links and cancelled its invitations (a passcode's hash alone takes tens of
 * milliseconds between the check and the write). Each use case is called here as that request
 * runs it once past its session check, after the closure posted over HTTP (attack round).
 */
const db = useTestDatabase();

const serverBase = useCloseSpaceServer();

/** Camille, her prescription, her other tab's repository; then her space closed from « Mon compte ». `before`: what else her space holds. */
async function closedWithOtherTab(before: (patientId: string) => Promise<void> = async () => undefined) {
  const system = await systemRepository("close-space-races-tests");
  const patientId = (await system.create<Patient>(aPatient({ given: "Camille", family: "Onglets", birthDate: "1985-03-14" }))).id!;
  const totpSecret = newTotpSecret();
  const account = await createAccount({ email: `camille-${randomUUID()}@example.org`, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: "Camille Onglets" });
  const bernardId = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  const prescriptionId = newId();
  for (const line of aPrescription({ prescriptionId, patientId, requesterId: bernardId, lines: LINES })) await system.create(line);
  const otherTab = await createRepository({ kind: "patient", accountId: account.id, patientId });
  await before(patientId);
  const closed = await (await signedInBrowser(serverBase(), account)).post("/compte/cloturer", { code: totpCode(totpSecret, new Date()) });
  expect(closed.headers.get("location")).toBe("/connexion?erreur=espace-cloture");
  return { patientId, prescriptionId, otherTab };
}

/** Camille, who invited Léa (whose account is open), and what each does next. `before`: what else her space holds. */
async function camilleInvitesLea(family: string, before: (patientId: string) => Promise<void> = async () => undefined) {
  const system = await systemRepository("close-space-races-tests");
  const patientId = (await system.create<Patient>(aPatient({ given: "Camille", family, birthDate: "1985-03-14" }))).id!;
  const totpSecret = newTotpSecret();
  const account = await createAccount({ email: `camille-${randomUUID()}@example.org`, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: `Camille ${family}` });
  const leaId = (await system.create<Patient>(aPatient({ given: "Lea", family, birthDate: "1979-01-02" }))).id!;
  const leaEmail = `lea-${randomUUID()}@example.org`;
  const lea = await createAccount({ email: leaEmail, password: "girafe nuage tournevis printemps", totpSecret: newTotpSecret(), kind: "patient", fhirRef: `Patient/${leaId}`, displayName: `Lea ${family}` });
  await before(patientId);
  const own = await createRepository({ kind: "patient", accountId: account.id, patientId });
  const { secret } = await inviteCaregiver(own, { given: "Lea", family, email: leaEmail, relationship: "ami", scopes: ["documents:read"], endDay: addDaysToDay(parisDayOf(new Date()), 30) });
  const browser = await signedInBrowser(serverBase(), account);
  return {
    patientId,
    accountId: account.id,
    close: () => browser.post("/compte/cloturer", { code: totpCode(totpSecret, new Date()) }),
    leaAccepts: async () => acceptInvitation(await createRepository({ kind: "patient", accountId: lea.id, patientId: leaId }), secret),
  };
}

const liveDelegations = async (patientId: string) =>
  (await db().sql.query("SELECT id FROM fhir_resource WHERE patient_id = $1::uuid AND resource_type = 'RelatedPerson' AND NOT deleted AND content->>'active' = 'true'", [patientId])).length;

describe("a write of another tab landing after the closure", () => {
  it("shares no link: a link is decided on its own row alone, so it opened the closed space's prescription to the pharmacist, and came back at a reopening", async () => {
    const { patientId, prescriptionId, otherTab } = await closedWithOtherTab();
    const shared: SharedLink | undefined = await sharePrescription(otherTab, { prescriptionId, withPasscode: true }, APP).catch(() => undefined);
    if (shared) {
      // What the pharmacist given that link reads.
      const opened = await openLink(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie du Parc" }), params({ linkId: shared.linkId }));
      const page = await servePage(pharmacistPage, `/p/${shared.linkId}`, { cookie: cookieOf(opened) ?? "", params: { linkId: shared.linkId } });
      expect(page.html ?? "").not.toContain("Amoxicilline");
    }
    const live = await db().sql.query("SELECT id FROM share_link WHERE patient_id = $1::uuid AND revoked_at IS NULL", [patientId]);
    expect({ shared: shared !== undefined, live: live.length }).toEqual({ shared: false, live: 0 });
  });

  it("invites no caregiver: the invitation stayed open, its e-mail went out, and its link could be accepted into the closed space, the delegation coming back at a reopening", async () => {
    const { patientId, otherTab } = await closedWithOtherTab();
    const email = `lea-${randomUUID()}@example.org`;
    const invited = await inviteCaregiver(otherTab, { given: "Léa", family: "Aidante", email, relationship: "ami", scopes: ["documents:read"], endDay: addDaysToDay(parisDayOf(new Date()), 30) }).then(
      () => true,
      () => false,
    );
    const open = await db().sql.query("SELECT id FROM delegation_invitation WHERE patient_id = $1::uuid AND cancelled_at IS NULL", [patientId]);
    const mails = await db().sql.query("SELECT id FROM email_outbox WHERE recipient = $1", [email]);
    expect({ invited, open: open.length, mails: mails.length }).toEqual({ invited: false, open: 0, mails: 0 });
  });

  it("(not a race) ends every delegation she gave, past the first hundred: the closure read one page of 100 and left the rest live, to come back at a reopening", async () => {
    const { patientId } = await closedWithOtherTab(async (id) => {
      const system = await systemRepository("close-space-races-tests");
      const end = addDaysToDay(parisDayOf(new Date()), 60);
      for (let i = 0; i < 101; i++) await system.create(aDelegation({ patientId: id, agentPatientId: randomUUID(), scopes: ["documents:read"], end }));
    });
    expect(await liveDelegations(patientId)).toBe(0);
  }, 60_000);

  it("ends a delegation accepted between the closure's read of her delegations and its transaction: it was left live, to come back at a reopening", async () => {
    const w = await camilleInvitesLea("Acceptation");
    // The closure held at its first write (an uncommitted row of the same key), its read of her delegations done.
    const hold = await holding(db, "INSERT INTO space_closure (patient_id, account_id, closed_at, archive_until) VALUES ($1::uuid, $2::uuid, now(), now())", [w.patientId, w.accountId]);
    const closing = w.close();
    await waitFor(hold.waitedOn, "the closure's first write");
    // Léa accepts meanwhile.
    const accepted = await w.leaAccepts();
    expect(accepted.ok ? "ok" : accepted.reason).toBe("ok");
    await hold.release();
    expect((await closing).headers.get("location")).toBe("/connexion?erreur=espace-cloture");
    expect(await liveDelegations(w.patientId)).toBe(0);
  }, 60_000);

  it("tells the invitee accepting while the closure runs that the invitation was cancelled: the closure's hold on her trail kept the delegation out, and the answer said the link was « already used »", async () => {
    const system = await systemRepository("close-space-races-tests");
    let marc = "";
    const w = await camilleInvitesLea("Pendant", async (patientId) => {
      marc = (await system.create(aDelegation({ patientId, agentPatientId: randomUUID(), scopes: ["documents:read"], end: addDaysToDay(parisDayOf(new Date()), 60) }))).id!;
    });
    // The closure held as it ends Marc's delegation: her Patient row written, the invitations not yet cancelled.
    const hold = await holding(db, "SELECT 1 FROM fhir_resource WHERE id = $1::uuid FOR UPDATE", [marc]);
    const closing = w.close();
    await waitFor(hold.waitedOn, "the closure's first write");
    const accepting = w.leaAccepts();
    // Long enough for an acceptance that did not wait on the closure to be written.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await hold.release();
    expect((await closing).headers.get("location")).toBe("/connexion?erreur=espace-cloture");
    expect(await accepting).toEqual({ ok: false, reason: "cancelled" });
    expect(await liveDelegations(w.patientId)).toBe(0);
  }, 60_000);
});

describe("her own record edited at the moment she closes", () => {
  it("closes anyway, her change kept: the closure's write of her Patient carried the version read before her change (412), so it answered 500 with nothing closed, her code spent", async () => {
    const system = await systemRepository("close-space-races-tests");
    const patientId = (await system.create<Patient>(aPatient({ given: "Camille", family: "Profil", birthDate: "1985-03-14" }))).id!;
    const totpSecret = newTotpSecret();
    const account = await createAccount({ email: `camille-${randomUUID()}@example.org`, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: "Camille Profil" });
    const browser = await signedInBrowser(serverBase(), account);
    // The closure held at its first write, her Patient read and her code checked.
    const hold = await holding(db, "INSERT INTO space_closure (patient_id, account_id, closed_at, archive_until) VALUES ($1::uuid, $2::uuid, now(), now())", [patientId, account.id]);
    const closing = browser.post("/compte/cloturer", { code: totpCode(totpSecret, new Date()) });
    await waitFor(hold.waitedOn, "the closure's first write");
    // Meanwhile, in her other tab, her new phone number (her own Patient, through the FHIR API).
    const mine = (await fhir("GET", `Patient/${patientId}`, { cookie: browser.cookieHeader() })).json() as Patient;
    const phone = { system: "phone", value: "06 12 34 56 78", use: "mobile" } as const;
    expect((await fhir("PUT", `Patient/${patientId}`, { cookie: browser.cookieHeader(), body: { ...mine, telecom: [phone] } })).status).toBe(200);
    await hold.release();
    const closed = await closing;
    expect({ status: closed.status, location: closed.headers.get("location") }).toEqual({ status: 303, location: "/connexion?erreur=espace-cloture" });
    const [stored] = await db().sql.query<{ content: Patient }>("SELECT content FROM fhir_resource WHERE id = $1::uuid", [patientId]);
    expect({ active: stored!.content.active, telecom: stored!.content.telecom }).toEqual({ active: false, telecom: [phone] });
  }, 60_000);

  it("that keeps changing under every turn of the closure is left open, and she reads that nothing was closed and to try again, not an error page", async () => {
    const system = await systemRepository("close-space-races-tests");
    const patientId = (await system.create<Patient>(aPatient({ given: "Camille", family: "Mouvante", birthDate: "1985-03-14" }))).id!;
    const totpSecret = newTotpSecret();
    const account = await createAccount({ email: `camille-${randomUUID()}@example.org`, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: "Camille Mouvante" });
    const browser = await signedInBrowser(serverBase(), account);
    // A version that every read is behind of, as if an edit landed between each read and write.
    await db().sql.query("UPDATE fhir_resource SET version_id = version_id + 1 WHERE id = $1::uuid", [patientId]);
    const refused = await browser.post("/compte/cloturer", { code: totpCode(totpSecret, new Date()) });
    expect({ status: refused.status, location: refused.headers.get("location") }).toEqual({ status: 303, location: "/espace/compte?erreur=cloture-modifie" });
    expect(await db().sql.query("SELECT 1 FROM space_closure WHERE patient_id = $1::uuid", [patientId])).toEqual([]);
    const page = await servePage(accountPage, "/espace/compte?erreur=cloture-modifie", { cookie: browser.cookieHeader(), address: "10.0.61.90" });
    expect((page.html ?? "").replaceAll("&#x27;", "'")).toContain(t("closeSpace.changedMeanwhile"));
  }, 60_000);
});
