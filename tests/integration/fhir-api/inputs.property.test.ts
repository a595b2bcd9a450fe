import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { bundleOf, fhir, isOutcome, sameOrigin, signIn, warmUpValidator, type Answer, type Method } from "./http";

useTestDatabase();

/**
 * Property-based tests of the API's inputs: random and hostile query strings, paths, headers
 * and JSON bodies, sent as a signed-in patient. Whatever comes in: never a 5xx, never an
 * unhandled rejection or an "unexpected error" in the server log, FHIR JSON always, an
 * OperationOutcome on every error, and nothing of another patient in any answer.
 */
let camille = "";
let nadia = "";
let nadiaDocument = "";
const cookies: string[] = [];
const documents: string[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const unexpected = vi.spyOn(console, "error");

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  warmUpValidator();
  const system = await systemRepository("fhir-api-property-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  nadia = (await system.create(aPatient({ given: "Nadia" }))).id!;
  nadiaDocument = (await system.create(aDocument({ patientId: nadia, kind: "lab" }))).id!;
  for (let i = 0; i < 4; i++) {
    documents.push((await system.create(aDocument({ patientId: camille, kind: "personal", author: `Patient/${camille}`, date: `202${i}-05-01T00:00:00Z` }))).id!);
    // One account per property: the API's write limit counts per account.
    cookies.push((await signIn(`Patient/${camille}`)).cookie);
  }
}, 60_000);

afterAll(() => {
  process.off("unhandledRejection", onRejection);
});

/** Statuses seen per property, to show that the inputs reach past the parser too. */
const statuses = new Map<string, number[]>();

/** What every answer must be, and no trace of Nadia's record in it. */
function wellFormed(answer: Answer, what: string, property = "") {
  statuses.set(property, [...(statuses.get(property) ?? []), answer.status]);
  expect(answer.status, `${what} → ${answer.text.slice(0, 200)}`).toBeLessThan(500);
  if (answer.status === 204) return;
  expect(answer.headers.get("content-type") ?? "", what).toMatch(/^application\/fhir\+json/);
  if (answer.status >= 400) expect(isOutcome(answer), `${what} → ${answer.text.slice(0, 200)}`).toBe(true);
  expect(answer.text, what).not.toContain(nadia);
  expect(answer.text, what).not.toContain(nadiaDocument);
  expect(unexpected, what).not.toHaveBeenCalled();
  expect(rejections, what).toEqual([]);
}

const HOSTILE = [
  "' OR '1'='1",
  "1; DROP TABLE fhir_resource; --",
  "\u0000",
  "\ud800",
  "%00",
  "%zz",
  "%",
  "__proto__",
  "constructor",
  "prototype",
  "../../etc/passwd",
  "%2e%2e%2f",
  "<script>alert(1)</script>",
  "${7*7}",
  "a".repeat(5000),
  "(a+)+$" + "a".repeat(60) + "!",
  "9".repeat(30),
  "-1",
  "1e309",
  "NaN",
  "ge2020-02-30",
  "eq0000",
  "ge9999-12-31T23:59:59.999+14:00",
  "sa2020-01-01T25:61:00Z",
  "Patient/",
  "Patient/" + "0".repeat(36),
  "\u202e\u202dtxt",
  "🩺",
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
  fc.uuid(),
);

const PARAMS = ["patient", "subject", "category", "type", "date", "status", "_id", "_lastUpdated", "_count", "_offset", "_sort", "_total", "_format", "_content", "author", "code", "requester", "authoredon", "_include", "date:missing", "patient.name"];
const TYPES = ["DocumentReference", "MedicationRequest", "Consent", "RelatedPerson", "Immunization", "Condition", "Patient", "AuditEvent", "Observation", "Binary", "Practitioner", "Organization"];

const dateValue = fc
  .tuple(fc.constantFrom("", "eq", "ne", "lt", "le", "gt", "ge", "sa", "eb", "xx"), fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 3 }))
  .map(([prefix, date, precision]) => prefix + date.toISOString().slice(0, [4, 7, 10, 24][precision]));

const queryPart = fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), hostile), fc.oneof(hostile, dateValue, fc.constant(camille ? camille : "x"), fc.nat().map(String)));

/** A query string, sometimes through URLSearchParams, sometimes written raw (bad escapes included). */
const queryString = fc.tuple(fc.array(queryPart, { maxLength: 8 }), fc.boolean()).map(([parts, raw]) =>
  raw ? parts.map(([name, value]) => `${name}=${value}`).join("&").replace(/[#\s]/g, "") : new URLSearchParams(parts).toString(),
);

describe("the FHIR API's inputs", () => {
  it("answers every search query string without a 5xx, and only with the caller's own data", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES), queryString, fc.boolean(), async (type, query, withPatient) => {
        const path = `${type}?${withPatient ? `patient=${camille}&` : ""}${query}`;
        const answer = await fhir("GET", path, { cookie: cookies[0] });
        wellFormed(answer, path, "search");
        if (answer.status === 200 && type === "DocumentReference") {
          for (const entry of bundleOf(answer).entry ?? []) expect((entry.resource as DocumentReference).subject?.reference).toBe(`Patient/${camille}`);
        }
      }),
      { numRuns: 250 },
    );
    expect(statuses.get("search")?.some((status) => status === 200)).toBe(true);
  }, 120_000);

  it("answers every path and method without a 5xx", async () => {
    const segment = fc.oneof(fc.constantFrom(...TYPES, "_history", "metadata", "1", documents[1] ?? "", nadiaDocument, "..", "%2e%2e", ""), hostile);
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 0, maxLength: 5 }), fc.constantFrom<Method>("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"), async (segments, method) => {
        // A client can only send well-formed UTF-8: lone surrogates become U+FFFD, as a browser does.
        const path = segments.map((s) => encodeURIComponent(s.replace(LONE_SURROGATE, "\ufffd"))).join("/");
        const body = method === "POST" || method === "PUT" || method === "PATCH" ? { resourceType: segments[0] ?? "DocumentReference" } : undefined;
        const answer = await fhir(method, path, { cookie: cookies[1], body, headers: sameOrigin() });
        if (method === "HEAD") expect(answer.status).toBeLessThan(500);
        else wellFormed(answer, `${method} ${path}`, "paths");
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("answers any headers on reads and writes without a 5xx", async () => {
    const header = fc.oneof(fc.constantFrom("*", 'W/"1"', '"1"', "W/", 'W/"999999999999"', "application/fhir+json", "application/json; charset=latin1", "text/plain", "null", "https://evil.example"), hostile).map((value) =>
      // Only what an HTTP client can send: header values are bytes, without CR, LF or NUL.
      value.replace(/[^\x20-\x7e\x80-\xff\t]/g, ""),
    );
    const names = fc.constantFrom("if-match", "content-type", "origin", "sec-fetch-site", "content-length", "accept", "user-agent", "x-forwarded-for", "x-middleware-subrequest", "cookie");
    await fc.assert(
      // No DELETE here: one success would leave every later request a 404 (deletes: rest-writes.test.ts).
      fc.asyncProperty(fc.dictionary(names, header, { maxKeys: 5 }), fc.constantFrom<Method>("GET", "POST", "PUT"), async (headers, method) => {
        const id = documents[2];
        const path = method === "POST" ? "DocumentReference" : `DocumentReference/${id}`;
        const body = method === "GET" ? undefined : aDocument({ patientId: camille, id, kind: "personal" });
        const cookie = headers.cookie ? `${headers.cookie}; ${cookies[2]}` : cookies[2];
        delete headers.cookie;
        if (headers["content-length"] !== undefined) delete headers["content-length"];
        const answer = await fhir(method, path, { cookie, body, headers });
        wellFormed(answer, `${method} ${JSON.stringify(headers)}`, "headers");
      }),
      { numRuns: 200 },
    );
    expect(statuses.get("headers")?.some((status) => status < 300)).toBe(true);
  }, 120_000);

  // The counterexample fast-check found (seed 286577953): Medplum's validator took "toString",
  // a key every object inherits, for a known element, and the document was stored with it.
  it.each([
    ["toString", (d: object) => ({ ...d, toString: { reference: `Patient/${nadia}` } })],
    ["constructor", (d: object) => ({ ...d, constructor: { reference: `Patient/${nadia}` } })],
    ["valueOf, nested in the type", (d: DocumentReference) => ({ ...d, type: { ...d.type, valueOf: { reference: `Patient/${nadia}` } } })],
  ])("refuses a body with an inherited key (%s) with an OperationOutcome, and stores nothing", async (_label, withKey) => {
    const { id: _id, ...document } = aDocument({ patientId: camille, kind: "personal", title: `Clé héritée ${newId()}` });
    const answer = await fhir("POST", "DocumentReference", { cookie: cookies[3], rawBody: JSON.stringify(withKey(document)), headers: sameOrigin({ "content-type": "application/fhir+json" }) });
    expect(answer.status).toBe(400);
    expect(isOutcome(answer)).toBe(true);
    expect(answer.text).not.toContain(nadia);
    const search = await fhir("GET", `DocumentReference?patient=${camille}&_count=100`, { cookie: cookies[3] });
    expect(search.text).not.toContain(document.description);
  });

  it("answers any JSON body on create and update without a 5xx, never filing it in another record", async () => {
    const key = fc.oneof(fc.constantFrom("resourceType", "id", "meta", "subject", "status", "content", "author", "__proto__", "constructor", "prototype", "extension", "text"), fc.string({ maxLength: 10 }));
    const value = fc.oneof(hostile, fc.jsonValue({ maxDepth: 3 }), fc.constant({ reference: `Patient/${nadia}` }), fc.constant([{ reference: `Practitioner/${newId()}` }]));
    // Without an id, so that the same body can create or update.
    const { id: _id, ...document } = aDocument({ patientId: camille, kind: "personal" });
    const body = fc.oneof(
      fc.dictionary(key, value, { maxKeys: 4 }).map((extra) => JSON.stringify({ ...document, ...extra })),
      fc.dictionary(key, value, { maxKeys: 4 }).map((extra) => `{${JSON.stringify(document).slice(1, -1)},${JSON.stringify(extra).slice(1, -1) || '"x":1'}}`),
      fc.jsonValue({ maxDepth: 4 }).map((json) => JSON.stringify(json)),
      fc.string({ unit: "binary", maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (raw, update) => {
        const path = update ? `DocumentReference/${documents[3]}` : "DocumentReference";
        const answer = await fhir(update ? "PUT" : "POST", path, { cookie: cookies[3], rawBody: raw, headers: sameOrigin({ "content-type": "application/fhir+json" }) });
        wellFormed(answer, `${path} ${raw.slice(0, 120)}`, "bodies");
        if (answer.status === 200 || answer.status === 201) {
          expect((answer.json() as Resource as DocumentReference).subject?.reference).toBe(`Patient/${camille}`);
        }
      }),
      { numRuns: 250 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(statuses.get("bodies")?.some((status) => status === 200 || status === 201)).toBe(true);
    console.log(
      "FHIR API inputs, statuses seen:",
      Object.fromEntries([...statuses].map(([name, seen]) => [name, Object.fromEntries([...new Set(seen)].sort().map((s) => [s, seen.filter((x) => x === s).length]))])),
    );
  }, 120_000);
});
