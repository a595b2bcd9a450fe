import type { AuditEvent, Bundle, DocumentReference } from "@medplum/fhirtypes";
import { expect, test, type Browser } from "@playwright/test";
import { DOCUMENT_IDS, PATIENT_IDS, type AccountPersona } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";

/**
 * The FHIR API on the production server (src/server/portal-server.ts answers it outside Next's
 * router), with the cookie of a sign-in made in the browser: the same rules, the same trail,
 * the same database as the pages (one embedded PGlite shared by both halves of the server).
 */
const API = "/api/fhir/R4";
const { pageAs, closeAll } = personaPages();

async function signedIn(browser: Browser, persona: AccountPersona) {
  return (await pageAs(browser, persona)).request;
}

test.afterAll(closeAll);

test("Camille reads her record through the API, and finds those reads in her trail", async ({ browser }) => {
  const api = await signedIn(browser, "camille");
  const search = await api.get(`${API}/DocumentReference?patient=${PATIENT_IDS.camille}&_count=50`);
  expect(search.status()).toBe(200);
  expect(search.headers()["content-type"]).toMatch(/^application\/fhir\+json/);
  expect(search.headers()["x-content-type-options"]).toBe("nosniff");
  const bundle = (await search.json()) as Bundle<DocumentReference>;
  const ids = (bundle.entry ?? []).map((entry) => entry.resource?.id);
  // Her own hidden document is hers to see: hiding is about professionals.
  expect(ids).toContain(DOCUMENT_IDS.camilleHidden);

  const read = await api.get(`${API}/DocumentReference/${DOCUMENT_IDS.camilleHidden}`);
  expect(read.status()).toBe(200);
  expect(((await read.json()) as DocumentReference).subject?.reference).toBe(`Patient/${PATIENT_IDS.camille}`);

  const trail = (await (await api.get(`${API}/AuditEvent?patient=${PATIENT_IDS.camille}&_count=20`)).json()) as Bundle<AuditEvent>;
  const reads = (trail.entry ?? []).map((entry) => entry.resource!).filter((event) => event.entity?.some((e) => e.what?.reference === `DocumentReference/${DOCUMENT_IDS.camilleHidden}`));
  expect(reads.length).toBeGreaterThan(0);
  expect(reads[0]!.agent?.[0]?.who?.reference).toBe(`Patient/${PATIENT_IDS.camille}`);
});

test("another patient's document answers as one that does not exist, and without a session nothing answers", async ({ browser, playwright }) => {
  const nadia = await signedIn(browser, "nadia");
  const hers = await nadia.get(`${API}/DocumentReference/${DOCUMENT_IDS.camilleHidden}`);
  const nowhere = await nadia.get(`${API}/DocumentReference/00000000-0000-4000-8000-0000000dead1`);
  expect(hers.status()).toBe(404);
  expect(await hers.text()).toBe(await nowhere.text());

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const refused = await anonymous.get(`${API}/DocumentReference?patient=${PATIENT_IDS.camille}`);
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");
  await anonymous.dispose();
});
