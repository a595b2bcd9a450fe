import type { AuditEvent, DocumentReference } from "@medplum/fhirtypes";
import fc from "fast-check";
import http from "node:http";
import { PDFDocument } from "pdf-lib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFhir, isFhirPath, requestUrl } from "@/server/fhir-api/node-handler";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, FHIR_BASE_PATH, sameOrigin, signIn, warmUpValidator, type Method } from "./http";

const db = useTestDatabase();

/**
 * The portal's server answers the FHIR API itself (src/server/portal-server.ts), outside Next's
 * router. Through a real HTTP server on a port, every answer must be the one the Next route
 * gives (same status, same body, same FHIR headers), with the security headers the proxy would
 * have added, and the same audit rows.
 */
let server: http.Server;
let base = "";
let camille = "";
let ownDocument: DocumentReference;
let othersDocument: DocumentReference;
let cookie = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("node-server-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  const nadia = (await system.create(aPatient({ given: "Nadia" }))).id!;
  ownDocument = await system.create(aDocument({ patientId: camille, kind: "lab", date: "2024-01-15T09:00:00Z" }));
  await system.create(aDocument({ patientId: camille, kind: "imaging", date: "2024-02-15T09:00:00Z" }));
  othersDocument = await system.create(aDocument({ patientId: nadia, kind: "lab", date: "2024-01-15T09:00:00Z" }));
  cookie = (await signIn(`Patient/${camille}`)).cookie;
  server = http.createServer((req, res) => {
    const url = requestUrl(req, appUrl());
    if (isFhirPath(url.pathname)) void serveFhir(req, res, url, false);
    else res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FHIR_BASE_PATH}`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function overHttp(method: Method, path: string, options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers["content-type"] = "application/fhir+json";
  const response = await fetch(`${base}/${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("the FHIR API on the portal's server", () => {
  const cases: [string, Method, () => string, boolean][] = [
    ["metadata", "GET", () => "metadata", false],
    ["a read of one's own document", "GET", () => `DocumentReference/${ownDocument.id}`, true],
    ["a read of another patient's document", "GET", () => `DocumentReference/${othersDocument.id}`, true],
    ["a read of a document that does not exist", "GET", () => "DocumentReference/00000000-0000-4000-8000-0000000dead1", true],
    ["a search of one's record", "GET", () => `DocumentReference?patient=${camille}&_count=1&_sort=-date`, true],
    ["a search with a bad parameter", "GET", () => `DocumentReference?patient=${camille}&_sort=nope`, true],
    ["a read without a session", "GET", () => `DocumentReference/${ownDocument.id}`, false],
    ["an unknown resource type", "GET", () => "Spaceship/1", true],
    ["an undecodable segment", "GET", () => "DocumentReference/%E0%A4%A", true],
    ["a method the route does not take", "PATCH", () => `DocumentReference/${ownDocument.id}`, true],
    ["a cross-site write", "POST", () => "DocumentReference", true],
  ];

  it.each(cases)("answers %s exactly as the Next route does", async (_name, method, path, signedIn) => {
    const options = { ...(signedIn ? { cookie } : {}), ...(method === "POST" ? { body: {}, headers: { origin: "https://evil.example" } } : {}) };
    const viaNext = await fhir(method, path(), options);
    const direct = await overHttp(method, path(), options);
    expect(direct.status).toBe(viaNext.status);
    expect(direct.text).toBe(viaNext.text);
    for (const name of ["content-type", "etag", "last-modified", "location", "allow", "www-authenticate"]) {
      expect(direct.headers.get(name), name).toBe(viaNext.headers.get(name));
    }
  });

  it("sends the security headers of every answer of the portal, and never lets a response be cached", async () => {
    const answer = await overHttp("GET", `DocumentReference/${ownDocument.id}`, { cookie });
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    // The portal's pages keep the Origin on their own posts (same-origin); the API says the same.
    expect(answer.headers.get("referrer-policy")).toBe("same-origin");
    expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const get = await overHttp("GET", `DocumentReference/${ownDocument.id}`, { cookie });
    const head = await overHttp("HEAD", `DocumentReference/${ownDocument.id}`, { cookie });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(get.text)));
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
  });

  it("refuses a body over the cap as it streams in (413), and goes on answering", async () => {
    const huge = JSON.stringify({ resourceType: "DocumentReference", description: "x".repeat(3 * 1024 * 1024) });
    const response = await fetch(`${base}/DocumentReference`, {
      method: "POST",
      headers: { cookie, origin: appUrl(), "content-type": "application/fhir+json" },
      // A stream, so no Content-Length tells the server in advance.
      body: new Blob([huge]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");
    expect((await overHttp("GET", `DocumentReference/${ownDocument.id}`, { cookie })).status).toBe(200);
  });

  it("creates from a same-site body, audits it, and records the socket's address when no proxy names one", async () => {
    const body = aDocument({ patientId: camille, kind: "personal", date: "2024-03-01T09:00:00Z", author: `Patient/${camille}` });
    const created = await overHttp("POST", "DocumentReference", { cookie, body, headers: { origin: appUrl() } });
    expect(created.status, created.text).toBe(201);
    const id = (JSON.parse(created.text) as DocumentReference).id!;
    const read = await overHttp("GET", `DocumentReference/${id}`, { cookie });
    expect(read.status).toBe(200);
    // The read's row is committed before the answer leaves (audit-batch.ts), so it is already there.
    const rows = await db().sql.query<{ interaction: string; address: string }>(
      "SELECT interaction, address FROM audit_event WHERE entity = $1 ORDER BY seq",
      [`DocumentReference/${id}`],
    );
    expect(rows).toEqual([
      { interaction: "create", address: "127.0.0.1" },
      { interaction: "read", address: "127.0.0.1" },
    ]);
  });

  it("serves a document's file (Binary) as the Next route does, with the file's own safe headers, to a client following the attachment url", async () => {
    const system = await systemRepository("node-server-tests");
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const bytes = Buffer.from(await pdf.save());
    const withFile = await system.createDocument(aDocument({ patientId: camille, kind: "lab", date: "2024-04-01T09:00:00Z" }), { bytes, contentType: "application/pdf" });
    // The client reads the document over the wire and follows its url, relative to the API's base.
    const read = JSON.parse((await overHttp("GET", `DocumentReference/${withFile.id}`, { cookie })).text) as DocumentReference;
    const url = new URL(read.content[0]!.attachment.url!, `${base}/`);
    const followed = await fetch(url, { headers: { cookie, accept: "*/*" } });
    expect(followed.status).toBe(200);
    expect(Buffer.from(await followed.arrayBuffer()).equals(bytes)).toBe(true);
    const path = url.pathname.slice(url.pathname.indexOf("Binary/"));
    for (const accept of ["application/pdf", "*/*", "application/fhir+json", "text/html"]) {
      const viaNext = await fhir("GET", path, { cookie, headers: { accept } });
      const direct = await overHttp("GET", path, { cookie, headers: { accept } });
      expect(direct.status, accept).toBe(viaNext.status);
      expect(direct.text, accept).toBe(viaNext.text);
      for (const name of ["content-type", "content-disposition", "content-security-policy", "x-content-type-options", "cache-control", "etag"]) {
        expect(direct.headers.get(name), `${accept} ${name}`).toBe(viaNext.headers.get(name));
      }
    }
    const raw = await overHttp("GET", path, { cookie, headers: { accept: "application/pdf" } });
    expect(raw.headers.get("content-security-policy")).toContain("sandbox");
    expect(raw.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("lets the patient read their trail through it, with the denied attempt on their record", async () => {
    const nadia = othersDocument.subject!.reference!.slice("Patient/".length);
    const nadiaCookie = (await signIn(`Patient/${nadia}`)).cookie;
    const refused = await overHttp("GET", `DocumentReference/${ownDocument.id}`, { cookie: nadiaCookie, headers: sameOrigin() });
    expect(refused.status).toBe(404);
    const trail = await overHttp("GET", `AuditEvent?patient=${camille}&_count=50`, { cookie });
    const events = (JSON.parse(trail.text) as { entry?: { resource: AuditEvent }[] }).entry?.map((e) => e.resource) ?? [];
    const refusedRead = events.find((e) => e.outcome === "4" && e.entity?.some((entity) => entity.what?.reference === `DocumentReference/${ownDocument.id}`));
    expect(refusedRead?.agent?.[0]?.who?.reference).toBe(`Patient/${nadia}`);
  });
});

/** A request with its path exactly as given (fetch would normalise it first). */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method: "GET", headers: { cookie } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("paths as sent on the wire", () => {
  const piece = fc.oneof(
    fc.constantFrom("DocumentReference", "Patient", "AuditEvent", "_history", "..", ".", "%2e%2e", "%2F", "%00", "%E0%A4%A", "%", "metadata", ""),
    fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,12}$/),
    fc.uuid(),
  );

  it("never answer a 5xx nor anything but FHIR JSON, whatever the segments, dots and escapes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 5 }), fc.stringMatching(/^[A-Za-z0-9_=&%.-]{0,20}$/), async (pieces, query) => {
        const path = `${FHIR_BASE_PATH}/${pieces.join("/")}${query ? `?${query}` : ""}`;
        const url = requestUrl({ url: path } as http.IncomingMessage, appUrl());
        if (!isFhirPath(url.pathname)) return; // the portal's server hands these to Next
        const answer = await rawGet(path);
        expect(answer.status, `${path} → ${answer.body.slice(0, 200)}`).toBeLessThan(500);
        expect(answer.type, path).toMatch(/^application\/fhir\+json/);
        expect(answer.body, path).not.toContain(othersDocument.id!);
      }),
      { numRuns: 150 },
    );
  });
});

describe("which requests are the API's", () => {
  it.each([
    ["/api/fhir/R4/Patient/1", true],
    ["/api/fhir/R4", true],
    ["/api/fhir/R4x/Patient", false],
    ["/api/fhir/R4/../../health", false],
    ["/api/fhir/R4/%2e%2e/%2e%2e/health", false],
    ["/espace", false],
  ])("%s → %s", (path, expected) => {
    const url = requestUrl({ url: path } as http.IncomingMessage, "http://localhost:3000");
    expect(isFhirPath(url.pathname)).toBe(expected);
  });
});
