import { randomUUID } from "node:crypto";
import type { Bundle, Patient, RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { POST as openLink } from "@/app/(link)/p/[linkId]/ouvrir/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { newId } from "@/lib/fhir/builders/ids";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aDelegation, aGuardianship, anAuthorisation, aProtectionMeasure } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import * as documentsPage from "@/pages/espace/documents";
import * as pharmacistPage from "@/pages/p/[linkId]/index";
import * as proHome from "@/pages/pro";
import * as proRecord from "@/pages/pro/patients/[patientId]";
import { reopenSpace } from "@/server/accounts/reopen-space";
import { MEASURE_PURPOSE } from "@/server/access/measure-writes";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { checkSession } from "@/server/auth/check-session";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { linkScope } from "@/server/sharing/link-scope";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { useTestDatabase } from "../../setup/test-database";
import { useCloseSpaceServer } from "./close-space-server";
import { signedInBrowser } from "../auth/signed-in-browser";
import { Browser } from "../auth/test-server";
import { fhir, sessionOf, signIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { LINES } from "../prescriptions/world";
import { APP, cookieOf, formPost, params, secretOf } from "../prescriptions/http";

/**
 * « Clôturer mon espace » (CSP art. R1111-36), through its route over HTTP against the database:
 * the holder's form post, then every door of her space tried again as each person who had one
 * would: Dr Bernard whom she authorised (his pages and the FHIR API), Léa her caregiver, the
 * pharmacy her link was opened by, her own old session, and her sign-in. Then the assistance
 * reopens it.
 */
const db = useTestDatabase();

const serverBase = useCloseSpaceServer();

const PASSWORD = "girafe nuage tournevis printemps";
const text = (html: string | undefined) => (html ?? "").replaceAll("&#x27;", "'");

async function patientWithAccount(given: string, birthDate: string, options: { withoutBirthDate?: true } = {}) {
  const system = await systemRepository("close-space-tests");
  const { birthDate: _known, ...undated } = aPatient({ given, family: "Cloture", birthDate });
  const patientId = (await system.create<Patient>(options.withoutBirthDate ? undated : { ...undated, birthDate })).id!;
  const totpSecret = newTotpSecret();
  const email = `${given.toLowerCase()}-${randomUUID()}@example.org`;
  const account = await createAccount({ email, password: PASSWORD, totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: `${given} Cloture` });
  return { patientId, email, account, totpSecret };
}

/** Camille, her report and her prescription; Dr Bernard whom she authorises; Léa her caregiver in her space; a pharmacy in her link. */
async function world() {
  const system = await systemRepository("close-space-tests");
  const camille = await patientWithAccount("Camille", "1985-03-14");
  const bernardId = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  const documentId = (await system.create(aDocument({ patientId: camille.patientId, title: "Compte rendu de Camille" }))).id!;
  await system.create(anAuthorisation({ patientId: camille.patientId, practitionerId: bernardId }));
  const lea = await patientWithAccount("Lea", "1979-01-02");
  const tie = await system.create<RelatedPerson>(
    aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Cloture" }, scopes: ["documents:read"], end: addDaysToDay(parisDayOf(new Date()), 60) }),
  );
  const prescriptionId = newId();
  for (const line of aPrescription({ prescriptionId, patientId: camille.patientId, requesterId: bernardId, lines: LINES })) await system.create(line);
  const shared = await sharePrescription(await createRepository({ kind: "patient", accountId: camille.account.id, patientId: camille.patientId }), { prescriptionId, withPasscode: true }, APP);
  const opened = await openLink(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie du Parc" }), params({ linkId: shared.linkId }));
  const pharmacy = cookieOf(opened)!;
  return {
    camille,
    documentId,
    bernardId,
    bernard: await signIn(`Practitioner/${bernardId}`, { name: "Sophie Bernard" }),
    lea,
    tie,
    leaInCamille: await sessionOf(lea.account, camille.patientId),
    linkId: shared.linkId,
    pharmacy,
    browser: await signedInBrowser(serverBase(), camille.account),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const close = (browser: Browser, fields: Record<string, string>) => browser.post("/compte/cloturer", fields);
const sessionIdOf = (browser: Browser) => [...browser.jar.values()][0]!;

async function closureOf(patientId: string) {
  return db().sql.query<{ erase_due_at: Date | null }>("SELECT erase_due_at FROM space_closure WHERE patient_id = $1::uuid", [patientId]);
}

async function bernardReads(w: World): Promise<{ document: number; search: number; page: number; pageText: string; listed: boolean }> {
  const document = await fhir("GET", `DocumentReference/${w.documentId}`, { cookie: w.bernard.cookie });
  const search = await fhir("GET", `DocumentReference?patient=${w.camille.patientId}`, { cookie: w.bernard.cookie });
  const page = await servePage(proRecord, `/pro/patients/${w.camille.patientId}`, { cookie: w.bernard.cookie, params: { patientId: w.camille.patientId } });
  // His list of patients (his home page) names her or not.
  const home = text((await servePage(proHome, "/pro", { cookie: w.bernard.cookie })).html);
  return { document: document.status, search: search.status === 200 ? ((search.json() as Bundle).entry ?? []).length : -1, page: page.status, pageText: text(page.html), listed: home.includes("Camille") };
}

async function linkOpens(w: World): Promise<boolean> {
  return (await linkScope(w.linkId, w.pharmacy.split("=")[1]!, { address: "198.51.100.20" }, new Date())) !== undefined;
}

describe("closing one's own space", () => {
  it("with a wrong code changes nothing: every door still opens, and her session still holds", async () => {
    const w = await world();
    const refused = await close(w.browser, { code: "000000", erase: "oui" });
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/espace/compte?erreur=cloture-code");
    expect(await closureOf(w.camille.patientId)).toEqual([]);
    expect(await checkSession(await sessionIdFromBrowser(w.browser), new Date())).toBeDefined();
    const bernard = await bernardReads(w);
    expect([bernard.document, bernard.search, bernard.page, bernard.listed]).toEqual([200, 1, 200, true]);
    expect(await linkOpens(w)).toBe(true);
    expect((await servePage(documentsPage, "/espace/documents", { cookie: w.leaInCamille.cookie })).status).toBe(200);
  });

  it("with her code closes it for everyone: Dr Bernard's pages and API, Léa, the pharmacy, her old session; she is told by e-mail, Léa as when a delegation is withdrawn", async () => {
    const w = await world();
    const oldCookie = `${[...w.browser.jar.keys()][0]}=${sessionIdOf(w.browser)}`;
    const done = await close(w.browser, { code: totpCode(w.camille.totpSecret, new Date()) });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/connexion?erreur=espace-cloture");
    expect((await closureOf(w.camille.patientId)).length).toBe(1);

    const bernard = await bernardReads(w);
    expect(bernard.document).toBe(404);
    expect(bernard.search).toBe(0);
    expect(bernard.page).not.toBe(200);
    expect(bernard.pageText).not.toContain("Compte rendu de Camille");
    expect(bernard.listed).toBe(false);

    // Léa's next page of Camille's space says her access ended, and nothing of Camille.
    const lea = await servePage(documentsPage, "/espace/documents", { cookie: w.leaInCamille.cookie, framed: true });
    expect(lea.status).toBe(403);
    expect(text(lea.html)).toContain(t("lostSpace.title"));
    expect(text(lea.html)).not.toContain("Compte rendu de Camille");
    const notices = await db().sql.query<{ kind: string }>("SELECT kind FROM notification WHERE patient_id = $1::uuid", [w.lea.patientId]);
    expect(notices.map((n) => n.kind)).toContain("delegation-revoked");

    expect(await linkOpens(w)).toBe(false);
    const pharmacist = await servePage(pharmacistPage, `/p/${w.linkId}`, { cookie: w.pharmacy, params: { linkId: w.linkId } });
    expect(text(pharmacist.html)).not.toContain("Amoxicilline");

    // Her old session: refused by the API and the pages alike.
    expect((await fhir("GET", `Patient/${w.camille.patientId}`, { cookie: oldCookie })).status).toBe(401);
    expect(await checkSession(await sessionIdFromBrowser(w.browser), new Date())).toBeUndefined();

    const mails = await db().sql.query<{ subject: string; text_body: string }>("SELECT subject, text_body FROM email_outbox WHERE recipient = $1", [w.camille.email]);
    const confirmation = mails.find((m) => m.subject === "Votre espace santé est clôturé");
    expect(confirmation?.text_body).toContain("contactez l'assistance");
    expect(confirmation?.text_body).not.toMatch(/Compte rendu|Amoxicilline|Bernard|Lea/);
    // The trail is still one unbroken chain.
    expect((await verifyAuditChain(db().sql, { patientIds: [w.camille.patientId] })).ok).toBe(true);
  });

  it("then signing in with her right password says the space is closed and opens nothing; a wrong one reads as any wrong password", async () => {
    const w = await world();
    await close(w.browser, { code: totpCode(w.camille.totpSecret, new Date()), erase: "oui" });
    expect((await closureOf(w.camille.patientId))[0]?.erase_due_at).not.toBeNull();
    const browser = new Browser(serverBase(), undefined, "127.0.0.41");
    const right = await browser.post("/connexion/mot-de-passe", { email: w.camille.email, password: PASSWORD });
    expect(right.headers.get("location")).toBe("/connexion?erreur=espace-clos");
    const wrong = await browser.post("/connexion/mot-de-passe", { email: w.camille.email, password: `${PASSWORD}x` });
    expect(wrong.headers.get("location")).toBe("/connexion?erreur=identifiants");
  });

  it("is refused to a caregiver in the space she acts in, and to a parent in a child's space: nothing closes", async () => {
    const w = await world();
    const leaBrowser = new Browser(serverBase());
    const [name, value] = w.leaInCamille.cookie.split("=");
    leaBrowser.jar.set(name!, value!);
    const byLea = await close(leaBrowser, { code: totpCode(w.lea.totpSecret, new Date()) });
    expect(byLea.headers.get("location")).toBe("/espace/compte?erreur=cloture-espace");
    expect(await closureOf(w.camille.patientId)).toEqual([]);
    expect(await closureOf(w.lea.patientId)).toEqual([]);

    const system = await systemRepository("close-space-tests");
    const parent = await patientWithAccount("Paul", "1980-05-05");
    const childId = (await system.create<Patient>(aPatient({ given: "Zoe", family: "Cloture", birthDate: "2016-02-02" }))).id!;
    await system.create(aGuardianship({ patientId: childId, agentPatientId: parent.patientId, scopes: ["documents:read", "documents:write", "privacy:manage"] }));
    const inChild = await sessionOf(parent.account, childId);
    const parentBrowser = new Browser(serverBase());
    const [pName, pValue] = inChild.cookie.split("=");
    parentBrowser.jar.set(pName!, pValue!);
    const byParent = await close(parentBrowser, { code: totpCode(parent.totpSecret, new Date()) });
    expect(byParent.headers.get("location")).toBe("/espace/compte?erreur=cloture-espace");
    expect(await closureOf(childId)).toEqual([]);
    expect(await closureOf(parent.patientId)).toEqual([]);
  });

  it("is open to an adult whose record has no birth date: she was told her space was a minor's and could never close it", async () => {
    const alex = await patientWithAccount("Alex", "1985-03-14", { withoutBirthDate: true });
    // Her husband's caregiver access and a judge's measure are no parent's guardianship.
    const system = await systemRepository("close-space-tests");
    const end = addDaysToDay(parisDayOf(new Date()), 60);
    await system.create(aDelegation({ patientId: alex.patientId, agentPatientId: randomUUID(), scopes: ["documents:read"], end }));
    await (await systemRepository(MEASURE_PURPOSE)).create(aProtectionMeasure({ patientId: alex.patientId, agentPatientId: randomUUID(), scopes: ["documents:read"], decision: "RG 24/00123", start: "2024-01-01", end: "2034-01-01" }));
    const browser = await signedInBrowser(serverBase(), alex.account);
    expect((await close(browser, { code: totpCode(alex.totpSecret, new Date()) })).headers.get("location")).toBe("/connexion?erreur=espace-cloture");
    expect((await closureOf(alex.patientId)).length).toBe(1);
  });

  it("stays refused in a child's own space without a birth date, whose parent holds her guardianship, and her code is not spent", async () => {
    const system = await systemRepository("close-space-tests");
    const parent = await patientWithAccount("Paul", "1980-05-05");
    const zoe = await patientWithAccount("Zoe", "2014-02-02", { withoutBirthDate: true });
    await system.create(aGuardianship({ patientId: zoe.patientId, agentPatientId: parent.patientId, scopes: ["documents:read", "documents:write", "privacy:manage"] }));
    const browser = await signedInBrowser(serverBase(), zoe.account);
    const code = totpCode(zoe.totpSecret, new Date());
    expect((await close(browser, { code })).headers.get("location")).toBe("/espace/compte?erreur=cloture-mineur");
    expect(await closureOf(zoe.patientId)).toEqual([]);
    const [factor] = await db().sql.query<{ last_totp_step: string }>("SELECT last_totp_step::text FROM account WHERE id = $1::uuid", [zoe.account.id]);
    expect(Number(factor!.last_totp_step)).toBe(0);
  });

  it("is given back by the assistance with its data: Dr Bernard reads again, she signs in, she is told; Léa's delegation stays ended", async () => {
    const w = await world();
    await close(w.browser, { code: totpCode(w.camille.totpSecret, new Date()) });
    expect((await reopenSpace({ patientId: w.camille.patientId, operator: "", now: new Date() })).ok).toBe(false);
    expect(await reopenSpace({ patientId: w.camille.patientId, operator: "Agent Martin", now: new Date() })).toEqual({ ok: true, accountId: w.camille.account.id });
    expect(await closureOf(w.camille.patientId)).toEqual([]);

    const bernard = await bernardReads(w);
    expect([bernard.document, bernard.search, bernard.page, bernard.listed]).toEqual([200, 1, 200, true]);
    const browser = new Browser(serverBase(), undefined, "127.0.0.42");
    expect((await browser.post("/connexion/mot-de-passe", { email: w.camille.email, password: PASSWORD })).headers.get("location")).toBe("/connexion/code");
    const lea = await servePage(documentsPage, "/espace/documents", { cookie: w.leaInCamille.cookie, framed: true });
    expect(lea.status).toBe(403);
    const mails = await db().sql.query<{ subject: string }>("SELECT subject FROM email_outbox WHERE recipient = $1", [w.camille.email]);
    expect(mails.map((m) => m.subject)).toContain("Votre espace santé est rouvert");
    // A second reopening finds nothing closed.
    expect(await reopenSpace({ patientId: w.camille.patientId, operator: "Agent Martin", now: new Date() })).toEqual({ ok: false, reason: "not-closed" });
    expect((await verifyAuditChain(db().sql, { patientIds: [w.camille.patientId] })).ok).toBe(true);
  });
});

/** The session id inside the browser's next-auth cookie, as the server reads it. */
async function sessionIdFromBrowser(browser: Browser): Promise<string> {
  const { decode } = await import("next-auth/jwt");
  const { secrets } = await import("@/server/secrets");
  const token = await decode({ token: sessionIdOf(browser), secret: secrets().authSecret });
  return String(token?.sid);
}
