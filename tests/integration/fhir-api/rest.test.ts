import type { Bundle, CapabilityStatement, DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, bundleOf, fhir, FHIR_BASE_PATH, idsOf, isOutcome, resourceOf, signIn, warmUpValidator, type Answer } from "./http";

/**
 * The world's setup may take more than the usual minute: CI runs this file on PGlite in the
 * background at the lowest CPU priority, beside the whole suite (.ci/run), and on a slow host its
 * setup once took over 60 s there (a hook timeout, nothing failing).
 */
const SETUP_TIMEOUT_MS = 180_000;

useTestDatabase();

/**
 * The read side of the FHIR REST API, through the route handlers with a real session cookie:
 * the CapabilityStatement, read, vread, history and the search grammar with its paging links.
 */
const docs: Record<"a" | "b" | "c" | "d" | "e", DocumentReference> = {} as Record<"a" | "b" | "c" | "d" | "e", DocumentReference>;
let camilleId = "";
let cookie = "";
let createdAt = new Date();

const fhirJson = (answer: Answer) => expect(answer.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
const pathOf = (url: string) => url.slice(`${appUrl()}${FHIR_BASE_PATH}/`.length);

async function search(query: string): Promise<string[]> {
  const answer = await fhir("GET", `DocumentReference?patient=${camilleId}&${query}`, { cookie });
  expect(answer.status, answer.text).toBe(200);
  fhirJson(answer);
  expect(bundleOf(answer)).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  return idsOf(answer);
}

const ids = (...keys: (keyof typeof docs)[]) => keys.map((key) => docs[key].id);

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("fhir-api-rest-tests");
  camilleId = (await system.create(aPatient({ given: "Camille" }))).id!;
  const other = (await system.create(aPatient({ given: "Nadia" }))).id!;
  createdAt = new Date(Date.now() - 1000);
  docs.a = await system.create(aDocument({ patientId: camilleId, kind: "lab", date: "2020-01-15T09:00:00Z" }));
  docs.b = await system.create(aDocument({ patientId: camilleId, kind: "imaging", date: "2021-06-01T10:00:00Z" }));
  docs.c = await system.create(aDocument({ patientId: camilleId, kind: "consultation", date: "2022-03-10T08:30:00Z" }));
  docs.d = await system.create({ ...aDocument({ patientId: camilleId, kind: "discharge", date: "2023-12-31T23:00:00Z" }), status: "superseded" });
  docs.e = await system.create(aDocument({ patientId: camilleId, kind: "personal", date: "2024-05-05T12:00:00Z", author: `Patient/${camilleId}` }));
  await system.create(aDocument({ patientId: other, kind: "lab", date: "2021-06-01T10:00:00Z" }));
  cookie = (await signIn(`Patient/${camilleId}`)).cookie;
}, SETUP_TIMEOUT_MS);

describe("metadata", () => {
  it("is a CapabilityStatement whose every listed interaction is routed and every other one answers 405", async () => {
    const answer = await fhir("GET", "metadata");
    expect(answer.status).toBe(200);
    fhirJson(answer);
    const statement = resourceOf<CapabilityStatement>(answer);
    expect(statement).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1", kind: "instance" });
    const resources = statement.rest?.[0]?.resource ?? [];
    const byType = new Map(resources.map((r) => [r.type, new Set<string>((r.interaction ?? []).map((i) => i.code))]));
    expect([...(byType.get("DocumentReference") ?? [])].sort()).toEqual(["create", "delete", "history-instance", "read", "search-type", "update", "vread"]);
    expect([...(byType.get("AuditEvent") ?? [])].sort()).toEqual(["read", "search-type"]);
    // A file is read where its document's attachment url leads, and written only with its document.
    expect([...(byType.get("Binary") ?? [])]).toEqual(["read"]);
    const probes: [string, "GET" | "POST" | "PUT" | "DELETE", string][] = [
      ["create", "POST", ""],
      ["update", "PUT", "/00000000-0000-4000-8000-000000000000"],
      ["delete", "DELETE", "/00000000-0000-4000-8000-000000000000"],
      ["history-instance", "GET", "/00000000-0000-4000-8000-000000000000/_history"],
    ];
    for (const resource of resources) {
      const offered = byType.get(resource.type) ?? new Set();
      for (const [code, method, suffix] of probes) {
        const probe = await fhir(method, `${resource.type}${suffix}`, { cookie, body: method === "GET" || method === "DELETE" ? undefined : {} });
        if (offered.has(code)) expect(probe.status, `${resource.type} ${code}`).not.toBe(405);
        else expect(probe.status, `${resource.type} ${code}`).toBe(405);
      }
    }
  });

  it("lists for every type only search parameters the server accepts", async () => {
    const statement = resourceOf<CapabilityStatement>(await fhir("GET", "metadata"));
    const documents = statement.rest?.[0]?.resource?.find((r) => r.type === "DocumentReference");
    expect((documents?.searchParam ?? []).map((param) => param.name).sort()).toEqual(
      ["_content", "_id", "_lastUpdated", "author", "category", "date", "patient", "status", "subject", "type"],
    );
    const sample = (name: string, kind: string | undefined): string => {
      if (name === "_id") return docs.a.id!;
      if (kind === "reference") return `Patient/${camilleId}`;
      if (kind === "date") return "ge2020-01";
      return "lab";
    };
    let checked = 0;
    for (const resource of statement.rest?.[0]?.resource ?? []) {
      if (!resource.interaction?.some((i) => i.code === "search-type")) continue;
      for (const param of resource.searchParam ?? []) {
        const query = `${param.name}=${encodeURIComponent(sample(param.name, param.type))}`;
        const answer = await fhir("GET", `${resource.type}?${query}`, { cookie });
        expect(answer.status, `${resource.type}?${query}: ${answer.text.slice(0, 200)}`).toBe(200);
        checked++;
      }
      // The sort keys the documentation names work too.
      const sorts = /_sort : ([^.]*)\./.exec(resource.documentation ?? "")?.[1]?.split(", ").filter(Boolean) ?? [];
      for (const sort of sorts) {
        const answer = await fhir("GET", `${resource.type}?_sort=${encodeURIComponent(sort)}${resource.searchParam?.some((param) => param.name === "patient") ? `&patient=${camilleId}` : ""}`, { cookie });
        expect(answer.status, `${resource.type}?_sort=${sort}: ${answer.text.slice(0, 200)}`).toBe(200);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("refuses writes to metadata and unknown types as OperationOutcomes", async () => {
    const post = await fhir("POST", "metadata", { cookie, body: {} });
    expect(post.status).toBe(405);
    expect(isOutcome(post)).toBe(true);
    const unknown = await fhir("GET", "Spaceship?patient=" + camilleId, { cookie });
    expect(unknown.status).toBe(404);
    expect(isOutcome(unknown)).toBe(true);
    const fileSearch = await fhir("GET", "Binary?patient=" + camilleId, { cookie });
    expect(fileSearch.status).toBe(405);
    expect(isOutcome(fileSearch)).toBe(true);
  });
});

describe("read, vread and history", () => {
  it("reads the current version with its ETag, and the same version by vread", async () => {
    const read = await fhir("GET", `DocumentReference/${docs.c.id}`, { cookie });
    expect(read.status).toBe(200);
    fhirJson(read);
    expect(read.headers.get("etag")).toBe('W/"1"');
    expect(resourceOf<DocumentReference>(read)).toMatchObject({ id: docs.c.id, meta: { versionId: "1" } });
    const vread = await fhir("GET", `DocumentReference/${docs.c.id}/_history/1`, { cookie });
    expect(vread.status).toBe(200);
    expect(resourceOf<DocumentReference>(vread).id).toBe(docs.c.id);
    for (const version of ["2", "0", "abc", "1e3"]) {
      const missing = await fhir("GET", `DocumentReference/${docs.c.id}/_history/${version}`, { cookie });
      expect(missing.status, version).toBe(404);
      expect(isOutcome(missing)).toBe(true);
    }
  });

  it("answers 404 with an OperationOutcome for an id that does not exist or is not a uuid", async () => {
    for (const id of ["00000000-0000-4000-8000-00000000dead", "not-a-uuid", "'%20OR%201=1--"]) {
      const answer = await fhir("GET", `DocumentReference/${id}`, { cookie });
      expect(answer.status, id).toBe(404);
      expect(isOutcome(answer)).toBe(true);
    }
  });

  it("gives the history as a history Bundle, newest first", async () => {
    const answer = await fhir("GET", `DocumentReference/${docs.a.id}/_history`, { cookie });
    expect(answer.status).toBe(200);
    fhirJson(answer);
    const bundle = bundleOf(answer);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "history", total: 1 });
    expect(bundle.entry?.[0]).toMatchObject({ resource: { id: docs.a.id }, request: { method: "POST" }, response: { etag: 'W/"1"' } });
  });
});

describe("search", () => {
  it("finds the patient's documents by patient or subject, and nobody else's", async () => {
    expect((await search("_sort=date")).sort()).toEqual(ids("a", "b", "c", "d", "e").sort());
    const bySubject = await fhir("GET", `DocumentReference?subject=Patient/${camilleId}&_sort=date`, { cookie });
    expect(idsOf(bySubject)).toEqual(ids("a", "b", "c", "d", "e"));
    // Without a patient, the search is in the signed-in patient's own space.
    expect(idsOf(await fhir("GET", "DocumentReference?_sort=date", { cookie }))).toEqual(ids("a", "b", "c", "d", "e"));
  });

  it("filters by category, type, status and _id", async () => {
    expect(await search("category=lab")).toEqual(ids("a"));
    expect((await search("category=lab,imaging")).sort()).toEqual(ids("a", "b").sort());
    expect(await search("type=18748-4")).toEqual(ids("b"));
    expect(await search("status=superseded")).toEqual(ids("d"));
    expect(await search("status=current&_sort=date")).toEqual(ids("a", "b", "c", "e"));
    expect(await search(`_id=${docs.c.id},${docs.e.id}&_sort=date`)).toEqual(ids("c", "e"));
  });

  it("filters by date with every prefix, at year, day and instant precision", async () => {
    expect(await search("date=2021")).toEqual(ids("b"));
    expect(await search("date=eq2022-03-10")).toEqual(ids("c"));
    expect(await search("date=ge2022-03-10&_sort=date")).toEqual(ids("c", "d", "e"));
    expect(await search("date=le2021-06-01&_sort=date")).toEqual(ids("a", "b"));
    expect(await search("date=gt2022&_sort=date")).toEqual(ids("d", "e"));
    expect(await search("date=lt2021&_sort=date")).toEqual(ids("a"));
    expect(await search("date=ge2021&date=lt2023&_sort=date")).toEqual(ids("b", "c"));
    expect(await search(`date=${encodeURIComponent("2024-01-01T00:00:00+01:00")}`)).toEqual(ids("d"));
    expect(await search("date=ne2021&_sort=date")).toEqual(ids("a", "c", "d", "e"));
  });

  it("filters by _lastUpdated", async () => {
    expect(await search(`_lastUpdated=ge${createdAt.toISOString().slice(0, 10)}`)).toHaveLength(5);
    expect(await search("_lastUpdated=lt2000")).toEqual([]);
    expect(await search(`_lastUpdated=gt${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`)).toEqual([]);
  });

  it("sorts by the allowed keys only", async () => {
    expect(await search("_sort=date")).toEqual(ids("a", "b", "c", "d", "e"));
    expect(await search("_sort=-date")).toEqual(ids("e", "d", "c", "b", "a"));
    expect(await search("_sort=_lastUpdated")).toEqual(ids("a", "b", "c", "d", "e"));
    expect(await search("_sort=-_lastUpdated")).toEqual(ids("e", "d", "c", "b", "a"));
    for (const sort of ["title", "date;DROP TABLE fhir_resource", "content", "-id"]) {
      const answer = await fhir("GET", `DocumentReference?patient=${camilleId}&_sort=${encodeURIComponent(sort)}`, { cookie });
      expect(answer.status, sort).toBe(400);
      expect(isOutcome(answer)).toBe(true);
    }
  });

  it("pages with _count and next/previous links that work, with an accurate total", async () => {
    const pages: string[][] = [];
    let answer = await fhir("GET", `DocumentReference?patient=${camilleId}&_sort=date&_count=2&_total=accurate`, { cookie });
    const seen: Bundle[] = [];
    for (;;) {
      expect(answer.status).toBe(200);
      const bundle = bundleOf(answer);
      seen.push(bundle);
      expect(bundle.total).toBe(5);
      pages.push(idsOf(answer));
      const next = bundle.link?.find((link) => link.relation === "next")?.url;
      if (!next) break;
      expect(next.startsWith(`${appUrl()}${FHIR_BASE_PATH}/DocumentReference?`)).toBe(true);
      answer = await fhir("GET", pathOf(next), { cookie });
    }
    expect(pages).toEqual([ids("a", "b"), ids("c", "d"), ids("e")]);
    const previous = seen[2]?.link?.find((link) => link.relation === "previous")?.url ?? "";
    expect(idsOf(await fhir("GET", pathOf(previous), { cookie }))).toEqual(ids("c", "d"));
    expect(seen[0]?.link?.some((link) => link.relation === "previous")).toBe(false);
  });

  it("brings _count=0 and huge counts within bounds", async () => {
    const none = await fhir("GET", `DocumentReference?patient=${camilleId}&_count=0&_total=accurate`, { cookie });
    expect(bundleOf(none)).toMatchObject({ total: 5 });
    expect(idsOf(none)).toEqual([]);
    expect(await search("_count=1000000000")).toHaveLength(5);
  });

  it("refuses unknown parameters, modifiers and malformed values with a 400 OperationOutcome", async () => {
    for (const query of ["foo=bar", "category:not=lab", "date=2021-13", "date=xx2021", "_count=-1", "status=a%20b", "_id=1", "patient=Practitioner/x"]) {
      const answer = await fhir("GET", `DocumentReference?${query}`, { cookie });
      expect(answer.status, query).toBe(400);
      expect(isOutcome(answer), query).toBe(true);
    }
  });
});
