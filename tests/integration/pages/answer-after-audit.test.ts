import type { GetServerSidePropsContext } from "next";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as documentsRoute from "@/pages/espace/documents";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { directPages, type PageHandler } from "@/server/http/direct-pages";
import { gzipWholeAnswer } from "@/server/http/gzip-whole-answer";
import { pinClientAddress } from "@/server/http/pin-client-address";
import { PAGE_HEADERS_APPLIED } from "@/server/http/security-headers";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";
import { signIn } from "../fhir-api/http";

const db = useTestDatabase();

/**
 * A page is rendered while its audit rows are committed, and its answer waits for that commit
 * (src/server/http/answer-after-commit.ts). Over HTTP, the documents page as the portal's server
 * serves it itself (direct-pages.ts, with its real getServerSideProps and component): when the
 * INSERT is slow, the page's first byte comes after the row is in the database; when the INSERT
 * fails, the person gets the error page, and nothing of the record.
 */
const TITLE = "Compte rendu IRM lombaire de test";
let patientId = "";
let cookie = "";
let port = 0;
let server: http.Server;

/** What Next's entry point does with a page, in short: getServerSideProps, then the component, then res.end. */
const documentsPage: PageHandler = async (req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const context = { req, res, query: Object.fromEntries(url.searchParams), params: {}, resolvedUrl: req.url } as unknown as GetServerSidePropsContext;
  const result = await documentsRoute.getServerSideProps(context);
  if (!("props" in result)) throw new Error("the documents page did not render");
  const html = renderToStaticMarkup(createElement(documentsRoute.default, await result.props));
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(`<!DOCTYPE html>${html}`);
};

beforeAll(async () => {
  const system = await systemRepository("answer-after-audit-tests");
  patientId = (await system.create(aPatient({ given: "Léonie", family: "Tenue" }))).id!;
  await system.create(aDocument({ patientId, kind: "imaging", date: "2026-03-02T09:00:00Z", title: TITLE }));
  cookie = (await signIn(`Patient/${patientId}`)).cookie;
  const pages = directPages({
    routes: { pageOf: (pathname) => (pathname === "/espace/documents" ? "/espace/documents" : undefined) },
    headers: () => [],
    load: async () => documentsPage,
    compress: gzipWholeAnswer,
    renderError: async (_error, _req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end("<h1>Une erreur est survenue</h1>");
    },
    log: () => {},
  });
  server = http.createServer((req, res) => {
    pinClientAddress(req, 0);
    req.headers[PAGE_HEADERS_APPLIED] = "1";
    const view = pages.pageOf(req, new URL(req.url ?? "/", "http://x").pathname);
    if (view) void pages.serve(req, res, view);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The documents page's search rows for this patient since `since`, as committed in the database. */
async function searchRows(since: Date): Promise<number> {
  const rows = await db().sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND entity = 'DocumentReference' AND interaction = 'search' AND recorded >= $2::timestamptz",
    [patientId, since.toISOString()],
  );
  return rows[0]!.n;
}

/** The page over HTTP; `onHead` runs when its head arrives, before its body is read. */
function view(onHead: () => Promise<unknown>): Promise<{ status: number; body: string; atHead: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/espace/documents", headers: { cookie } }, (res) => {
        const atHead = onHead();
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => void atHead.then((value) => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), atHead: value }), reject));
      })
      .on("error", reject);
  });
}

/** A trigger on the audit table, for this patient's documents search rows only, for the time of `fn`. */
async function withAuditTrigger<T>(name: string, body: string, fn: () => Promise<T>): Promise<T> {
  await asOwner(db(), async (owner) => {
    await owner.exec(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.patient_id = '${patientId}'::uuid AND NEW.entity = 'DocumentReference' AND NEW.interaction = 'search' THEN ${body} END IF; RETURN NEW; END $$`);
    await owner.exec(`CREATE TRIGGER ${name} BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  });
  try {
    return await fn();
  } finally {
    await asOwner(db(), async (owner) => {
      await owner.exec(`DROP TRIGGER ${name} ON audit_event`);
      await owner.exec(`DROP FUNCTION ${name}()`);
    });
  }
}

describe("a page's answer and its audit rows", () => {
  it("sends the page's first byte only once its audit rows are committed, however slow the commit", async () => {
    const since = new Date();
    const answer = await withAuditTrigger("test_slow_audit_page", "PERFORM pg_sleep(0.4);", () => view(() => searchRows(since)));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(TITLE);
    // Read the moment the head arrived: the page's rows were all there already.
    expect(answer.atHead).toBeGreaterThan(0);
    expect(answer.atHead).toBe(await searchRows(since));
  });

  it("answers the error page, without the record, when the audit row cannot be committed", async () => {
    const since = new Date();
    const answer = await withAuditTrigger("test_refused_audit_page", "RAISE EXCEPTION 'audit refused';", () => view(async () => undefined));
    expect(answer.status).toBe(500);
    expect(answer.body).toContain("Une erreur est survenue");
    expect(answer.body).not.toContain(TITLE);
    expect(await searchRows(since)).toBe(0);
  });
});
