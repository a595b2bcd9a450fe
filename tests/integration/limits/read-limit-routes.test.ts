import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as hide } from "@/app/api/documents/[id]/masquer/route";
import { GET as prescriptionPdf } from "@/app/api/ordonnances/[id]/pdf/route";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription, prescriptionIdOf } from "@/lib/fhir/builders/prescriptions";
import { useTestDatabase } from "../../setup/test-database";
import { getDocumentFile } from "../documents/file-route";
import { aPdf } from "../documents/world";
import { appUrl, fhir, signIn, warmUpValidator } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";

// Before any module reads the environment: a limit small enough to reach in a test.
const LIMIT = vi.hoisted(() => {
  process.env.READS_PER_MINUTE = "10";
  return 10;
});

useTestDatabase();

/**
 * Issue 10's remainder: the site's routes (not the FHIR API) turned every refusal of the
 * repository into "introuvable", the read limit included, so a patient past their reads of the
 * minute was told their own document did not exist. Each route is called as the browser calls
 * it, by an account of its own that first spends its reads of the minute on the FHIR API.
 */
let patientId = "";
let documentId = "";
let prescriptionId = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("read-limit-routes");
  patientId = (await system.create(aPatient({ given: "Rita", family: "Limite" }))).id!;
  const doctor = (await system.create(aPractitioner({ family: "Ordonnance" }))).id!;
  const document = await system.createDocument(aDocument({ patientId, kind: "personal", author: `Patient/${patientId}`, title: "Bilan" }), {
    bytes: await aPdf(["Bilan de Rita"]),
    contentType: "application/pdf",
  });
  documentId = document.id!;
  const lines = aPrescription({ patientId, requesterId: doctor });
  for (const line of lines) await system.create(line);
  prescriptionId = prescriptionIdOf(lines[0]!)!;
}, 60_000);

/** A new session of the patient, its reads of the minute spent on searches of the FHIR API. */
async function patientPastTheLimit(): Promise<string> {
  const { cookie } = await signIn(`Patient/${patientId}`, { name: "Rita Limite" });
  for (let i = 0; i < LIMIT; i++) expect((await fhir("GET", `DocumentReference?patient=${patientId}`, { cookie })).status).toBe(200);
  expect((await fhir("GET", `DocumentReference?patient=${patientId}`, { cookie })).status).toBe(429);
  return cookie;
}

async function expectToldToWait(response: { status: number; headers: Headers; text: string }) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.headers.get("content-type")).toContain("text/plain");
  expect(response.text).toContain("Trop de demandes");
  expect(response.text).toContain("Patientez une minute");
  expect(response.text).not.toMatch(/introuvable/i);
}

async function call(handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>, request: Request, id: string) {
  const response = await inRequestScope(request, () => handler(request, { params: Promise.resolve({ id }) }));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("a site route past the account's reads of the minute", () => {
  it("downloads the file within the limit, and answers 429 with Retry-After past it, never 'Document introuvable'", async () => {
    const { cookie } = await signIn(`Patient/${patientId}`, { name: "Rita Limite" });
    const allowed = await getDocumentFile(documentId, cookie);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-type")).toBe("application/pdf");

    await expectToldToWait(await getDocumentFile(documentId, await patientPastTheLimit()));
  });

  it("a document that does not exist still answers 404 to an account within its limit", async () => {
    const { cookie } = await signIn(`Patient/${patientId}`, { name: "Rita Limite" });
    const missing = await getDocumentFile(crypto.randomUUID(), cookie);
    expect(missing.status).toBe(404);
    expect(missing.text).toBe("Document introuvable");
  });

  it("the prescription's PDF: 200 within the limit, 429 past it", async () => {
    const pdfRequest = (cookie: string) => new Request(`${appUrl()}/api/ordonnances/${prescriptionId}/pdf`, { headers: { cookie } });
    const { cookie } = await signIn(`Patient/${patientId}`, { name: "Rita Limite" });
    expect((await call(prescriptionPdf, pdfRequest(cookie), prescriptionId)).status).toBe(200);
    await expectToldToWait(await call(prescriptionPdf, pdfRequest(await patientPastTheLimit()), prescriptionId));
  });

  it("a form post (hide a document) answers 429 rather than a failure notice, and changes nothing", async () => {
    const cookie = await patientPastTheLimit();
    const request = new Request(`${appUrl()}/api/documents/${documentId}/masquer`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie },
      body: new URLSearchParams({}),
    });
    await expectToldToWait(await call(hide, request, documentId));
    const system = await systemRepository("read-limit-routes");
    const hidden = await system.search("Consent", { patientId, count: 10 });
    expect(JSON.stringify(hidden)).not.toContain(documentId);
  });
});
