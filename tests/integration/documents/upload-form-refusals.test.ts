import type { DocumentReference } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/documents/route";
import * as ownUpload from "@/pages/espace/documents/ajouter";
import * as proUpload from "@/pages/pro/patients/[patientId]/ajouter";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { personWithAccount } from "../delegations/world";
import { appUrl, fhir, isOutcome, outcomeOf, resourceOf, sameOrigin, signIn, warmUpValidator } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { aPdf } from "./world";

const db = useTestDatabase();

/**
 * What the upload forms refuse in words of their own, with nothing stored. A document's date is the day it was written or the exam was done: never after today (a day in
 * Paris; today itself is fine), as the prevention forms refuse a future date. Refused with its
 * own words and nothing stored from the patient's upload form, the professional's, and the FHIR
 * API; the forms' date field stops at today.
 */
async function world() {
  warmUpValidator();
  const system = await systemRepository("upload-form-refusals-tests");
  const patient = await personWithAccount(system, "Lea", "Datee");
  const doctor = (await system.create(aPractitioner({ given: "Rose", family: "Datante" }))).id!;
  await system.create(anAuthorisation({ patientId: patient.patientId, practitionerId: doctor }));
  return { patient, doctor: await signIn(`Practitioner/${doctor}`, { name: "Dr Rose Datante" }) };
}

const today = () => parisDayOf(new Date());
const tomorrow = () => addDaysToDay(today(), 1);

/** The upload form's plain post (no JavaScript): multipart, answered with a redirect. */
async function upload(cookie: string, date: string, patientId?: string, title = `Compte rendu du ${date}`, file?: Buffer): Promise<Response> {
  const form = new FormData();
  form.set("titre", title);
  form.set("type", "personal");
  form.set("date", date);
  if (patientId) form.set("patient", patientId);
  form.set("fichier", new File([new Uint8Array(file ?? (await aPdf(["Compte rendu"])))], "compte-rendu.pdf", { type: "application/pdf" }));
  const request = new Request(`${appUrl()}/api/documents`, { method: "POST", headers: { origin: appUrl(), cookie }, body: form });
  return inRequestScope(request, () => POST(request));
}

async function documentsOf(patientId: string): Promise<number> {
  const rows = await db().sql.query<{ n: number | string }>("SELECT count(*) AS n FROM fhir_resource WHERE resource_type = 'DocumentReference' AND patient_id = $1::uuid AND NOT deleted", [patientId]);
  return Number(rows[0]?.n ?? 0);
}

const FUTURE = "La date du document ne peut pas être dans le futur : rien n'a été ajouté.";
const withNonce = { "x-nonce": "bm9uY2U=" };

describe("a document dated in the future", () => {
  it("is refused from the patient's form with its own message and nothing stored; today is accepted; the date field stops at today", async () => {
    const { patient } = await world();
    const before = await documentsOf(patient.patientId);
    const refused = await upload(patient.session.cookie, tomorrow());
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/espace/documents/ajouter?erreur=future-date");
    expect(await documentsOf(patient.patientId)).toBe(before);

    const page = await servePage(ownUpload, "/espace/documents/ajouter?erreur=future-date", { cookie: patient.session.cookie, headers: withNonce });
    expect(page.html).toContain(FUTURE.replace("'", "&#x27;"));
    expect(/<input id="upload-date"[^>]*>/.exec(page.html!)?.[0]).toContain(`max="${today()}"`);

    const accepted = await upload(patient.session.cookie, today());
    expect(accepted.headers.get("location")).toMatch(/^\/espace\/documents\/[0-9a-f-]{36}\?message=ajoute/);
    expect(await documentsOf(patient.patientId)).toBe(before + 1);
  });

  it("is refused from the professional's form, back on that patient's form, with nothing stored", async () => {
    const { patient, doctor } = await world();
    const before = await documentsOf(patient.patientId);
    const refused = await upload(doctor.cookie, "2031-05-05", patient.patientId);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(`/pro/patients/${patient.patientId}/ajouter?erreur=future-date`);
    expect(await documentsOf(patient.patientId)).toBe(before);
    const page = await servePage(proUpload, `/pro/patients/${patient.patientId}/ajouter?erreur=future-date`, { cookie: doctor.cookie, params: { patientId: patient.patientId }, headers: withNonce });
    expect(page.html).toContain(FUTURE.replace("'", "&#x27;"));
    expect(/<input id="upload-date"[^>]*>/.exec(page.html!)?.[0]).toContain(`max="${today()}"`);
  });

  it("is refused through the FHIR API, on create and on update, with an OperationOutcome and nothing changed", async () => {
    const { patient } = await world();
    const cookie = patient.session.cookie;
    const body = (date: string) => aDocument({ patientId: patient.patientId, kind: "personal", date });
    const before = await documentsOf(patient.patientId);
    const created = await fhir("POST", "DocumentReference", { cookie, body: body(`${tomorrow()}T08:00:00+01:00`), headers: sameOrigin() });
    expect(created.status).toBe(422);
    expect(isOutcome(created)).toBe(true);
    expect(outcomeOf(created).issue?.[0]).toMatchObject({ severity: "error", diagnostics: "La date du document ne peut pas être dans le futur.", expression: ["DocumentReference.date"] });
    expect(await documentsOf(patient.patientId)).toBe(before);

    const stored = await fhir("POST", "DocumentReference", { cookie, body: body(`${today()}T08:00:00Z`), headers: sameOrigin() });
    expect(stored.status, stored.text).toBe(201);
    const document = resourceOf<DocumentReference>(stored);
    const moved = await fhir("PUT", `DocumentReference/${document.id}`, { cookie, body: { ...document, date: "2030-01-01T12:00:00Z" }, headers: sameOrigin() });
    expect(moved.status).toBe(422);
    expect(isOutcome(moved)).toBe(true);
    const now = resourceOf<DocumentReference>(await fhir("GET", `DocumentReference/${document.id}`, { cookie }));
    expect(now).toMatchObject({ date: document.date, meta: { versionId: "1" } });
    // Another change to the document, its date kept, still goes through.
    const renamed = await fhir("PUT", `DocumentReference/${document.id}`, { cookie, body: { ...document, description: "Renommé" }, headers: sameOrigin() });
    expect(renamed.status, renamed.text).toBe(200);
  });
});

describe("a title longer than the form allows (a forged post)", () => {
  it("is refused with its own message and nothing stored, not cut to 200 characters without a word", async () => {
    const { patient } = await world();
    const before = await documentsOf(patient.patientId);
    const refused = await upload(patient.session.cookie, today(), undefined, "Bilan ".repeat(400));
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/espace/documents/ajouter?erreur=title-too-long");
    expect(await documentsOf(patient.patientId)).toBe(before);
    const page = await servePage(ownUpload, "/espace/documents/ajouter?erreur=title-too-long", { cookie: patient.session.cookie, headers: withNonce });
    expect(page.html).toContain("Le titre ne peut pas dépasser 200 caractères : rien n&#x27;a été ajouté.");
    // 200 characters, the form's own limit, are still taken whole.
    const longest = "é".repeat(200);
    expect((await upload(patient.session.cookie, today(), undefined, longest)).headers.get("location")).toMatch(/\?message=ajoute/);
    const titles = await db().sql.query<{ title: string }>(
      "SELECT content->>'description' AS title FROM fhir_resource WHERE resource_type = 'DocumentReference' AND patient_id = $1::uuid AND NOT deleted",
      [patient.patientId],
    );
    expect(titles.map((row) => row.title)).toContain(longest);
  });
});

describe("a PDF with no page tree (a forged or broken file)", () => {
  it("is refused as unreadable with nothing stored, from the patient's form and the professional's, not answered with a server error", async () => {
    const { patient, doctor } = await world();
    // pdf-lib loads both, then fails on asking for their pages: no catalog at all, and a catalog without /Pages.
    const noCatalog = Buffer.from("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n", "latin1");
    const noPages = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
    const before = await documentsOf(patient.patientId);
    for (const [name, file] of [["noCatalog", noCatalog], ["noPages", noPages]] as const) {
      const own = await upload(patient.session.cookie, today(), undefined, undefined, file);
      expect(own.status, name).toBe(303);
      expect(own.headers.get("location"), name).toBe("/espace/documents/ajouter?erreur=pdf-unreadable");
      const pro = await upload(doctor.cookie, today(), patient.patientId, undefined, file);
      expect(pro.status, name).toBe(303);
      expect(pro.headers.get("location"), name).toBe(`/pro/patients/${patient.patientId}/ajouter?erreur=pdf-unreadable`);
    }
    expect(await documentsOf(patient.patientId)).toBe(before);
  });
});
