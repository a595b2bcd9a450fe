import type { AuditEvent, Consent, DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { revokeSession } from "@/server/db/session-store";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aHiddenDocument, anAuthorisation, aResearchChoice } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { bundleOf, fhir, idsOf, isOutcome, resourceOf, sameOrigin, sessionCookie, signIn, warmUpValidator, type Answer } from "./http";

const db = useTestDatabase();

/**
 * SECURITY-CASES 1, 3, 4, 5, 7, 8, 28, 32 and 35 against the FHIR API: each hostile request is
 * refused with an OperationOutcome (404 where the data is not the caller's to see) and nothing
 * stored changes.
 */
let camille = "";
let nadia = "";
let camilleCookie = "";
let nadiaCookie = "";
let bernardCookie = "";
let own: DocumentReference;
let ownConsent: Consent;
let hidden: DocumentReference;
let nadiaDocument: DocumentReference;
const MISSING = "00000000-0000-4000-8000-0000000dead2";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("fhir-api-hostile-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  nadia = (await system.create(aPatient({ given: "Nadia" }))).id!;
  const bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  await system.create(anAuthorisation({ patientId: camille, practitionerId: bernard }));
  own = await system.create(aDocument({ patientId: camille, kind: "personal", author: `Patient/${camille}`, title: "Mon carnet" }));
  ownConsent = await system.create(aResearchChoice({ patientId: camille, allowed: true }));
  hidden = await system.create(aDocument({ patientId: camille, kind: "lab", title: "Sérologie confidentielle", date: "2023-01-01T00:00:00Z" }));
  await system.create(aHiddenDocument({ patientId: camille, documentIds: [hidden.id!] }));
  await system.create(aDocument({ patientId: camille, kind: "lab", title: "Bilan sanguin", date: "2024-01-01T00:00:00Z" }));
  nadiaDocument = await system.create(aDocument({ patientId: nadia, kind: "personal", author: `Patient/${nadia}` }));
  camilleCookie = (await signIn(`Patient/${camille}`)).cookie;
  nadiaCookie = (await signIn(`Patient/${nadia}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernard}`)).cookie;
}, 60_000);

/** Every stored version of every resource: what "nothing changed" is measured on. */
async function storedState(): Promise<string> {
  const rows = await db().prisma.$queryRawUnsafe<{ n: number; v: number }[]>(
    "SELECT count(*)::int AS n, coalesce(sum(version_id), 0)::int AS v FROM fhir_resource WHERE patient_id = ANY($1::uuid[])",
    [camille, nadia],
  );
  return JSON.stringify(rows[0]);
}

function refused(answer: Answer, status: number | number[], what: string) {
  expect([status].flat(), `${what}: ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
  expect(isOutcome(answer), what).toBe(true);
}

describe("another patient's data (cases 1, 3, 4, 7)", () => {
  it("answers 404 to every route on another patient's resource, byte for byte like a missing id", async () => {
    const before = await storedState();
    const headers = sameOrigin();
    for (const id of [own.id!, MISSING]) {
      const answers = [
        await fhir("GET", `DocumentReference/${id}`, { cookie: nadiaCookie }),
        await fhir("GET", `DocumentReference/${id}/_history/1`, { cookie: nadiaCookie }),
        await fhir("GET", `DocumentReference/${id}/_history`, { cookie: nadiaCookie }),
        await fhir("PUT", `DocumentReference/${id}`, { cookie: nadiaCookie, headers, body: { ...own, id } }),
        await fhir("DELETE", `DocumentReference/${id}`, { cookie: nadiaCookie, headers }),
        // A stale version would answer 412 on a resource one may write: never an oracle here.
        await fhir("PUT", `DocumentReference/${id}`, { cookie: nadiaCookie, headers: { ...headers, "if-match": 'W/"999"' }, body: { ...own, id } }),
        await fhir("DELETE", `DocumentReference/${id}`, { cookie: nadiaCookie, headers: { ...headers, "if-match": 'W/"999"' } }),
      ];
      for (const answer of answers) refused(answer, 404, id);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    }
    expect(idsOf(await fhir("GET", `DocumentReference?patient=${camille}`, { cookie: nadiaCookie }))).toEqual([]);
    expect(await storedState()).toBe(before);
    // Camille's trail shows Nadia's refused attempts on her document.
    const trail = bundleOf(await fhir("GET", `AuditEvent?patient=${camille}&_count=100`, { cookie: camilleCookie }));
    const attempts = (trail.entry ?? [])
      .map((entry) => entry.resource as AuditEvent)
      .filter((event) => event.outcome === "4" && event.agent?.[0]?.who?.reference === `Patient/${nadia}`)
      .filter((event) => event.entity?.some((entity) => entity.what?.reference === `DocumentReference/${own.id}`));
    expect(attempts.length).toBeGreaterThanOrEqual(5);
  });

  it("keeps id, compartment and meta the server's when an update's body says otherwise", async () => {
    const before = await storedState();
    const path = `DocumentReference/${own.id}`;
    const headers = sameOrigin();
    refused(await fhir("PUT", path, { cookie: camilleCookie, headers, body: { ...own, id: nadiaDocument.id } }), 400, "foreign id");
    const moved = await fhir("PUT", path, { cookie: camilleCookie, headers, body: { ...own, subject: { reference: `Patient/${nadia}` } } });
    refused(moved, [403, 404], "moved to Nadia");
    const consentMoved = await fhir("PUT", `Consent/${ownConsent.id}`, { cookie: camilleCookie, headers, body: { ...ownConsent, patient: { reference: `Patient/${nadia}` } } });
    refused(consentMoved, [403, 404], "consent moved to Nadia");
    const intoNadias = await fhir("PUT", `DocumentReference/${nadiaDocument.id}`, { cookie: camilleCookie, headers, body: { ...nadiaDocument, subject: { reference: `Patient/${camille}` } } });
    refused(intoNadias, 404, "Nadia's document claimed");
    expect(await storedState()).toBe(before);
    expect(idsOf(await fhir("GET", `DocumentReference?patient=${nadia}`, { cookie: nadiaCookie }))).toEqual([nadiaDocument.id]);

    // Labels change only through their own door: stated in a PUT, they are refused, not dropped (label-updates.test.ts).
    const relabelled = { ...own, meta: { versionId: "99", lastUpdated: "1999-01-01T00:00:00Z", security: [{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "V" }] } };
    refused(await fhir("PUT", path, { cookie: camilleCookie, headers, body: relabelled }), 422, "labels in the body");
    expect(await storedState()).toBe(before);
    const forged = { ...own, meta: { versionId: "99", lastUpdated: "1999-01-01T00:00:00Z" } };
    const answer = await fhir("PUT", path, { cookie: camilleCookie, headers, body: forged });
    expect(answer.status, answer.text).toBe(200);
    const stored = resourceOf<DocumentReference>(answer);
    expect(stored.meta?.versionId).toBe("2");
    expect(stored.meta?.security).toBeUndefined();
    expect(new Date(stored.meta?.lastUpdated ?? 0).getFullYear()).toBeGreaterThan(2000);
  });

  it("serves no batch or transaction that could mix own and foreign ids (case 2)", async () => {
    const before = await storedState();
    const bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [own, nadiaDocument].map((resource) => ({ resource: { ...resource, description: "Réécrit" }, request: { method: "PUT", url: `DocumentReference/${resource.id}` } })),
    };
    refused(await fhir("POST", "", { cookie: camilleCookie, body: bundle, headers: sameOrigin() }), [404, 405], "transaction at the base");
    refused(await fhir("POST", "Bundle", { cookie: camilleCookie, body: bundle, headers: sameOrigin() }), [404, 405], "Bundle");
    expect(await storedState()).toBe(before);
  });

  it("answers 401 without a valid session, with a forged, revoked or garbled cookie, or a middleware-skipping header", async () => {
    const revoked = await signIn(`Patient/${camille}`);
    await revokeSession(revoked.sessionId, new Date());
    const forged = await sessionCookie("00000000-0000-4000-8000-000000000000");
    const cookies = [undefined, revoked.cookie, forged, "espace-sante.session=not-a-jwt", `${camilleCookie}x`];
    const before = await storedState();
    for (const cookie of cookies) {
      const headers = sameOrigin({ "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" });
      for (const [method, path, body] of [
        ["GET", `DocumentReference/${own.id}`, undefined],
        ["GET", `DocumentReference?patient=${camille}`, undefined],
        ["GET", `DocumentReference/${own.id}/_history`, undefined],
        ["POST", "DocumentReference", aDocument({ patientId: camille })],
        ["PUT", `DocumentReference/${own.id}`, own],
        ["DELETE", `DocumentReference/${own.id}`, undefined],
        ["GET", `AuditEvent?patient=${camille}`, undefined],
      ] as const) {
        refused(await fhir(method, path, { cookie, headers, body }), 401, `${method} ${path} with ${cookie?.slice(0, 30)}`);
      }
    }
    expect(await storedState()).toBe(before);
  });
});

describe("search parameters used to reach what is hidden (case 5)", () => {
  it("never shows or counts the hidden document to the professional, whatever the parameters", async () => {
    const visible = idsOf(await fhir("GET", `DocumentReference?patient=${camille}&_count=100`, { cookie: bernardCookie }));
    expect(visible).not.toContain(hidden.id);
    expect(visible.length).toBeGreaterThan(0);
    for (const query of [
      `_id=${hidden.id}`,
      `_id=${hidden.id},${own.id}`,
      "_count=1000000000",
      "_count=100&_total=accurate",
      "category=lab",
      "date=2023",
      "_sort=date&_count=1",
      "_sort=-_lastUpdated",
      "_offset=0&_count=100",
      "_content=Sérologie",
      "status=current",
    ]) {
      const answer = await fhir("GET", `DocumentReference?patient=${camille}&${query}`, { cookie: bernardCookie });
      expect(answer.status, query).toBe(200);
      const bundle = bundleOf(answer);
      expect(idsOf(answer), query).not.toContain(hidden.id);
      if (bundle.total !== undefined) expect(bundle.total, query).toBe(visible.length);
      for (const link of bundle.link ?? []) expect(link.url, query).not.toContain(nadia);
    }
    for (const query of [`_include=DocumentReference:subject`, `_revinclude=Provenance:target`, `patient=${camille}&subject=${nadia}`, "_elements=id", `_has:Consent:patient:_id=${hidden.id}`]) {
      refused(await fhir("GET", `DocumentReference?${query.startsWith("patient") ? query : `patient=${camille}&${query}`}`, { cookie: bernardCookie }), 400, query);
    }
    expect(bundleOf(await fhir("GET", `AuditEvent?patient=${camille}`, { cookie: bernardCookie })).entry ?? []).toEqual([]);
  });
});

describe("injection and hostile bodies (cases 28, 32)", () => {
  it("refuses SQL in sort and filter parameters, and runs text search as a parameter", async () => {
    const before = await storedState();
    for (const query of [
      "_sort=date;DROP TABLE fhir_resource",
      "_sort=date%20DESC,(SELECT%201)",
      "category=lab'%20OR%20'1'='1",
      "_id='%20OR%201=1--",
      "date=2020'--",
      `patient=${camille}'%20OR%20'1'='1`,
      "status=current)%20OR%20(1=1",
      "type=1;DELETE%20FROM%20audit_event",
    ]) {
      refused(await fhir("GET", `DocumentReference?${query}`, { cookie: camilleCookie }), 400, query);
    }
    const text = await fhir("GET", `DocumentReference?patient=${camille}&_content=${encodeURIComponent("'; DROP TABLE fhir_resource; --")}`, { cookie: camilleCookie });
    expect(text.status).toBe(200);
    expect(await storedState()).toBe(before);
  });

  it("refuses __proto__ and constructor.prototype keys in JSON bodies, storing nothing and polluting nothing", async () => {
    const before = await storedState();
    const document = JSON.stringify(aDocument({ patientId: camille })).slice(1, -1);
    const bodies = [
      `{"__proto__":{"polluted":"yes"},${document}}`,
      `{${document},"meta":{"__proto__":{"polluted":"yes"}}}`,
      `{"constructor":{"prototype":{"polluted":"yes"}},${document}}`,
      `{${document},"content":[{"attachment":{"constructor":{"prototype":{"polluted":"yes"}}}}]}`,
    ];
    for (const raw of bodies) {
      refused(await fhir("POST", "DocumentReference", { cookie: camilleCookie, rawBody: raw, headers: sameOrigin() }), [400, 422], raw.slice(0, 40));
      refused(await fhir("PUT", `DocumentReference/${own.id}`, { cookie: camilleCookie, rawBody: raw, headers: sameOrigin() }), [400, 422], raw.slice(0, 40));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await storedState()).toBe(before);
  });
});

describe("sizes and limits (case 35)", () => {
  it("throttles a flood of writes from one account with a 429 and Retry-After, before reading the body", async () => {
    const flooder = await signIn(`Patient/${camille}`);
    const before = await storedState();
    let answer: Answer | undefined;
    let sent = 0;
    while (sent < 400) {
      answer = await fhir("POST", "DocumentReference", { cookie: flooder.cookie, rawBody: "{", headers: sameOrigin() });
      sent++;
      if (answer.status === 429) break;
      expect(answer.status).toBe(400);
    }
    refused(answer!, 429, "flood");
    expect(sent).toBe(301);
    expect(Number(answer!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Reads stay open, and other accounts are not affected.
    expect((await fhir("GET", `DocumentReference/${own.id}`, { cookie: flooder.cookie })).status).toBe(200);
    expect((await fhir("POST", "DocumentReference", { cookie: camilleCookie, rawBody: "{", headers: sameOrigin() })).status).toBe(400);
    expect(await storedState()).toBe(before);
  }, 120_000);


  it("refuses a 10 MB body, deeply nested JSON and a 100 kB query string, and bounds _count", async () => {
    const before = await storedState();
    const big = JSON.stringify({ ...aDocument({ patientId: camille }), description: "x".repeat(10 * 1024 * 1024) });
    refused(await fhir("POST", "DocumentReference", { cookie: camilleCookie, rawBody: big, headers: sameOrigin() }), 413, "10 MB");
    refused(await fhir("PUT", `DocumentReference/${own.id}`, { cookie: camilleCookie, rawBody: big, headers: sameOrigin() }), 413, "10 MB update");
    const nested = `{"resourceType":"DocumentReference","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    refused(await fhir("POST", "DocumentReference", { cookie: camilleCookie, rawBody: nested, headers: sameOrigin() }), 400, "nested");
    const longQuery = `DocumentReference?patient=${camille}&_content=${"a".repeat(100 * 1024)}`;
    refused(await fhir("GET", longQuery, { cookie: camilleCookie }), 414, "100 kB query");
    refused(await fhir("GET", `DocumentReference/${"a".repeat(100 * 1024)}`, { cookie: camilleCookie }), 414, "100 kB path");
    const many = await fhir("GET", `DocumentReference?patient=${camille}&_count=1000000000`, { cookie: camilleCookie });
    expect(many.status).toBe(200);
    expect((bundleOf(many).entry ?? []).length).toBeLessThanOrEqual(100);
    refused(await fhir("GET", `DocumentReference?patient=${camille}&_count=${"9".repeat(40)}`, { cookie: camilleCookie }), 400, "40 digits");
    refused(await fhir("GET", `DocumentReference?patient=${camille}&_offset=99999999`, { cookie: camilleCookie }), 400, "offset");
    expect(await storedState()).toBe(before);
  });
});
