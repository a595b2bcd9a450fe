import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import * as printPage from "@/pages/espace/ordonnances/[id]/imprimer";
import * as shareResultPage from "@/pages/espace/ordonnances/[id]/lien";
import { newId } from "@/lib/fhir/builders/ids";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { env } from "@/server/env";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { LINK_EVENTS_COUNTED, LINK_EVENTS_SHOWN } from "@/server/fhir/share-link-events";
import { insertShareLink } from "@/server/fhir/share-links";
import { sealShareResult, shareResultCookie, type ShareResult } from "@/server/sharing/share-result-cookie";
import { recordStatements } from "../../setup/record-statements";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf, signIn } from "../fhir-api/http";
import { servePage, toSignIn } from "./pages-route";

const db = useTestDatabase();

/**
 * The pages under /espace/ordonnances/[id] served by the Pages Router without runtime
 * JavaScript: their getServerSideProps with the request Next hands them, then the HTML.
 */
async function world() {
  const system = await systemRepository("prescription-pages-tests");
  const prescriber = (await system.create(aPractitioner({ given: "Sophie", family: "Prescriptrice" }))).id!;
  const patient = await personWithAccount(system, "Alma", "Ordonnance");
  const other = await personWithAccount(system, "Otto", "Autre");
  const reader = await personWithAccount(system, "Rita", "Lectrice");
  const outsider = await personWithAccount(system, "Ugo", "Documents");
  const prescribe = async (patientId: string, medication: string) => {
    const prescriptionId = newId();
    for (const line of aPrescription({ prescriptionId, patientId, requesterId: prescriber, authoredOn: new Date(Date.now() - 86_400_000).toISOString(), lines: [{ medication, dosage: "1 par jour", quantity: { value: 1, unit: "boîte(s)" } }] })) {
      await system.create(line);
    }
    return prescriptionId;
  };
  await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: reader.patientId, scopes: ["prescriptions:read"] }));
  await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: outsider.patientId, scopes: ["documents:read"] }));
  return {
    prescriber,
    patient,
    other,
    readerHere: await sessionOf(reader.account, patient.patientId),
    outsiderHere: await sessionOf(outsider.account, patient.patientId),
    mine: await prescribe(patient.patientId, "Amoxicilline de test"),
    theirs: await prescribe(other.patientId, "Ibuprofène d'autrui"),
  };
}

const KEY = "K".repeat(43);
const aResult = (): ShareResult => ({ linkId: randomUUID(), url: `http://localhost:3000/p/${randomUUID()}#${KEY}`, passcode: "482913", expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });

/** The Cookie header a browser sends to the result page: its session, and the sealed link the share form's handler set. */
function withSealed(sessionCookie: string, prescriptionId: string, sealed: string): string {
  return `${sessionCookie}; ${shareResultCookie(prescriptionId, env().APP_ENV === "production").name}=${sealed}`;
}

describe("« Lien créé » (/espace/ordonnances/[id]/lien, Pages Router)", () => {
  it("sends a visitor without a session to sign in and a professional to their space", async () => {
    const { prescriber, mine } = await world();
    const practitioner = await signIn(`Practitioner/${prescriber}`);
    const path = `/espace/ordonnances/${mine}/lien`;
    expect(await servePage(shareResultPage, path, { params: { id: mine } })).toEqual(toSignIn(path));
    expect(await servePage(shareResultPage, path, { params: { id: mine }, cookie: practitioner.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("shows the link, its passcode and QR code (drawn on the server) to the session it was made for; an App Router prefetch reads nothing", async () => {
    const { patient, mine } = await world();
    const result = aResult();
    const cookie = withSealed(patient.session.cookie, mine, sealShareResult(result, patient.session.sessionId, mine));
    const path = `/espace/ordonnances/${mine}/lien`;
    expect(await servePage(shareResultPage, path, { params: { id: mine }, cookie, headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({ status: 204, ended: true });

    const answer = await servePage(shareResultPage, path, { params: { id: mine }, cookie, headers: { "x-nonce": "bm9uY2U" } });
    expect(answer.status).toBe(200);
    const html = answer.html!;
    expect(html).toContain(`value="${result.url}"`);
    expect(html).toContain("482913");
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code du lien de partage/);
    // The copy button's behaviour: an inline script under the page's nonce, no file to load.
    expect(html).toContain('data-copy-input="share-url"');
    expect(html).toMatch(/<script nonce="bm9uY2U">/);
    expect(html).not.toMatch(/<script[^>]* src=/);
    expect(html).toContain(`href="/espace/ordonnances/${mine}"`);
  });

  it("shows nothing of the link without its cookie, or with a cookie sealed for another session or another prescription", async () => {
    const { patient, readerHere, mine } = await world();
    const result = aResult();
    const elsewhere = randomUUID();
    const path = `/espace/ordonnances/${mine}/lien`;
    for (const [what, cookie] of [
      ["no cookie", patient.session.cookie],
      ["another session of the same account", withSealed((await sessionOf(patient.account)).cookie, mine, sealShareResult(result, patient.session.sessionId, mine))],
      ["another prescription's", withSealed(patient.session.cookie, mine, sealShareResult(result, patient.session.sessionId, elsewhere))],
      ["a caregiver replaying the patient's cookie", withSealed(readerHere.cookie, mine, sealShareResult(result, patient.session.sessionId, mine))],
      ["a forged value", withSealed(patient.session.cookie, mine, "forged.value")],
    ] as const) {
      const answer = await servePage(shareResultPage, path, { params: { id: mine }, cookie });
      expect(answer.status, what).toBe(200);
      expect(answer.html, what).toContain("Le lien a été créé mais ne peut plus être affiché.");
      expect(answer.html, what).not.toMatch(new RegExp(`482913|${KEY}|<img|share-url`));
    }
  });

  it("answers « Page introuvable » with a 404 for a malformed id, another patient's prescription, or a caregiver without the right to read prescriptions", async () => {
    const { patient, outsiderHere, mine, theirs } = await world();
    const result = aResult();
    for (const [what, id, cookie] of [
      ["malformed", "pas-un-uuid", patient.session.cookie],
      ["unknown", randomUUID(), patient.session.cookie],
      ["another patient's", theirs, withSealed(patient.session.cookie, theirs, sealShareResult(result, patient.session.sessionId, theirs))],
      ["a caregiver without prescriptions:read", mine, withSealed(outsiderHere.cookie, mine, sealShareResult(result, outsiderHere.sessionId, mine))],
    ] as const) {
      const answer = await servePage(shareResultPage, `/espace/ordonnances/${id}/lien`, { params: { id }, cookie });
      expect(answer.status, what).toBe(404);
      expect(answer.html, what).toContain("Page introuvable");
      expect(answer.html, what).not.toMatch(new RegExp(`482913|${KEY}|Ibuprofène|Amoxicilline`));
    }
  });
});

/** The <title> the printable page asks of _app.tsx (its props' title), for this browser's cookie. */
async function printTitleFor(id: string, cookie: string) {
  const req = { headers: { cookie, "x-forwarded-for": "10.0.0.11" }, socket: {}, url: `/espace/ordonnances/${id}/imprimer` } as unknown as IncomingMessage;
  const context = { req, res: { statusCode: 200, setHeader: () => undefined }, query: { id }, params: { id } } as unknown as Parameters<typeof printPage.getServerSideProps>[0];
  const result = await printPage.getServerSideProps(context);
  return "props" in result ? (await result.props).title : undefined;
}

describe("the printable prescription (/espace/ordonnances/[id]/imprimer, Pages Router)", () => {
  it("sends a visitor without a session to sign in and a professional to their space", async () => {
    const { prescriber, mine } = await world();
    const practitioner = await signIn(`Practitioner/${prescriber}`);
    const path = `/espace/ordonnances/${mine}/imprimer`;
    expect(await servePage(printPage, path, { params: { id: mine } })).toEqual(toSignIn(path));
    expect(await servePage(printPage, path, { params: { id: mine }, cookie: practitioner.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("prints for the patient, and a caregiver who may read prescriptions, the prescription, whose it is and its QR code, with no script", async () => {
    const { patient, readerHere, mine } = await world();
    for (const [who, cookie] of [["the patient", patient.session.cookie], ["a caregiver with prescriptions:read", readerHere.cookie]] as const) {
      const answer = await servePage(printPage, `/espace/ordonnances/${mine}/imprimer`, { params: { id: mine }, cookie });
      expect(answer.status, who).toBe(200);
      const html = answer.html!;
      const heading = html.match(/<h1 id="print-title"[^>]*>(Ordonnance du \d{1,2}(?:er)? \S+ \d{4})<\/h1>/)?.[1];
      expect(heading, who).toBeDefined();
      // Titled as its heading, not « Ordonnance » only: tabs and window lists tell prescriptions apart.
      expect(await printTitleFor(mine, cookie), who).toBe(heading);
      expect(html, who).toContain("Alma Ordonnance");
      expect(html, who).toContain("Amoxicilline de test");
      expect(html, who).toContain("Dr Sophie Prescriptrice");
      expect(html, who).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code identifiant l&#x27;ordonnance du /);
      expect(html, who).toContain(`href="/espace/ordonnances/${mine}"`);
      expect(html, who).not.toContain("<script");
    }
  });

  it("answers « Page introuvable » with a 404 for a malformed id, another patient's prescription, or a caregiver without the right to read prescriptions; a prefetch reads nothing", async () => {
    const { patient, outsiderHere, mine, theirs } = await world();
    for (const [what, id, cookie] of [
      ["malformed", "pas-un-uuid", patient.session.cookie],
      ["another patient's", theirs, patient.session.cookie],
      ["a caregiver without prescriptions:read", mine, outsiderHere.cookie],
    ] as const) {
      const answer = await servePage(printPage, `/espace/ordonnances/${id}/imprimer`, { params: { id }, cookie });
      expect(answer.status, what).toBe(404);
      expect(answer.html, what).toContain("Page introuvable");
      expect(answer.html, what).not.toMatch(/Ibuprofène|Amoxicilline|Otto|Alma|<img/);
    }
    expect(await servePage(printPage, `/espace/ordonnances/${mine}/imprimer`, { params: { id: mine }, cookie: patient.session.cookie, headers: { rsc: "1" } })).toEqual({ status: 204, ended: true });
  });
});

describe("the prescription page's links (/espace/ordonnances/[id], Pages Router)", () => {
  it("tells the patient exactly how many older events a much-opened link has, and every wrong passcode", async () => {
    const { patient, mine } = await world();
    const linkId = randomUUID();
    await insertShareLink(db().prisma, {
      id: linkId,
      secretHash: randomUUID(),
      patientId: patient.patientId,
      prescriptionId: mine,
      passcodeHash: "not-a-real-hash",
      attemptsLeft: 7,
      expiresAt: new Date(Date.now() + 86_400_000),
      createdAt: new Date(),
      createdBy: `Patient/${patient.patientId}`,
    });
    const pharmacy = await createRepository({ kind: "link", linkId, patientId: patient.patientId, prescriptionId: mine, pharmacy: "Pharmacie du Port" });
    for (let i = 0; i < 3; i++) {
      await pharmacy.audit({ patientId: patient.patientId, entity: `ShareLink/${linkId}`, interaction: "link-passcode-failed", outcome: "denied", detail: { attemptsLeft: 9 - i } });
    }
    // More views than the page once counted (up to LINK_EVENTS_COUNTED, before the database kept
    // the counts), as a pharmacy (or a script) opening it again and again.
    for (let i = 0; i < LINK_EVENTS_COUNTED + 30; i++) {
      await pharmacy.audit({ patientId: patient.patientId, entity: `Patient/${patient.patientId}`, interaction: "read", outcome: "success" });
    }
    const answer = await servePage(prescriptionPage, `/espace/ordonnances/${mine}`, { params: { id: mine }, cookie: patient.session.cookie });
    expect(answer.status).toBe(200);
    const html = answer.html!.replaceAll("&#x27;", "'");
    // 3 wrong passcodes and 230 views, 20 of them listed.
    expect(html).toContain(`Et ${3 + LINK_EVENTS_COUNTED + 30 - LINK_EVENTS_SHOWN} événements plus anciens, dans l'historique des accès.`);
    expect(html).not.toContain("Et plus de");
    expect(html).toContain("Codes erronés : 3 ; essais restants : 7");
  });

  it("reads the links and the lines at once, the links first: theirs is the longer statement", async () => {
    const { patient, mine } = await world();
    const kindOf = (text: string) => (text.includes("WITH links AS") ? "links" : text.includes("'MedicationRequest'") ? "lines" : "other");
    const { result: answer, events } = await recordStatements(db(), kindOf, () => servePage(prescriptionPage, `/espace/ordonnances/${mine}`, { params: { id: mine }, cookie: patient.session.cookie }));
    expect(answer.status).toBe(200);
    const ofTheTwo = events.filter((event) => /links|lines/.test(event));
    expect(ofTheTwo.slice(0, 2)).toEqual(["sent links", "sent lines"]);
  });
});

describe("a prescription's validity, as its page words it", () => {
  it("says « Valable jusqu'au » a day to come, even dispensed in full, and « Était valable » a day past", async () => {
    const system = await systemRepository("prescription-pages-tests");
    const prescriber = (await system.create(aPractitioner({ given: "Vera", family: "Validité" }))).id!;
    const patient = await personWithAccount(system, "Dora", "Délivrée");
    const prescribe = async (status: "completed" | "active", authoredOn: Date) => {
      const prescriptionId = newId();
      const lines = aPrescription({ prescriptionId, patientId: patient.patientId, requesterId: prescriber, status, authoredOn: authoredOn.toISOString(), lines: [{ medication: "Test", dosage: "1 par jour", quantity: { value: 1, unit: "boîte(s)" } }] });
      for (const line of lines) await system.create(line);
      return prescriptionId;
    };
    const dispensed = await prescribe("completed", new Date(Date.now() - 7 * 86_400_000));
    const old = await prescribe("active", new Date(Date.now() - 400 * 86_400_000));
    const page = async (id: string) => (await servePage(prescriptionPage, `/espace/ordonnances/${id}`, { cookie: patient.session.cookie, params: { id } })).html!.replaceAll("&#x27;", "'");
    const recent = await page(dispensed);
    expect(recent).toContain("Délivrée");
    expect(recent).toContain("<dt>Valable jusqu'au</dt>");
    expect(await page(old)).toContain("<dt>Était valable jusqu'au</dt>");
  });
});
