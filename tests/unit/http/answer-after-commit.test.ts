import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { answerAfter } from "@/server/http/answer-after-commit";
import { directPages, type PageHandler } from "@/server/http/direct-pages";
import { gzipWholeAnswer } from "@/server/http/gzip-whole-answer";
import { PAGE_HEADERS_APPLIED } from "@/server/http/security-headers";

/**
 * A page's answer waits for its audit rows' commit (src/server/http/answer-after-commit.ts):
 * driven through a real HTTP server wired as portal-server.ts wires the page views it serves
 * itself, with stand-in pages that hand over a commit this test settles when it wants.
 */
let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const PAGE = `<!DOCTYPE html><html lang="fr"><body><h1>Compte rendu d'IRM</h1>${"<p>Données du dossier</p>".repeat(80)}</body></html>`;

type Deferred = { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void };
function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, ko) => ((resolve = ok), (reject = ko)));
  return { promise, resolve, reject };
}

async function serve(handler: PageHandler, errors: unknown[] = []) {
  const pages = directPages({
    routes: { pageOf: (pathname) => (pathname === "/espace/documents" ? "/espace/documents" : undefined) },
    headers: () => [["X-Frame-Options", "DENY"]],
    load: async () => handler,
    compress: gzipWholeAnswer,
    renderError: async (_error, _req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end("<p>Une erreur est survenue</p>");
    },
    log: (error) => errors.push(error),
  });
  server = http.createServer((req, res) => {
    req.headers[PAGE_HEADERS_APPLIED] = "1";
    const view = pages.pageOf(req, new URL(req.url ?? "/", "http://x").pathname);
    if (view) void pages.serve(req, res, view);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

type Seen = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** The answer, and whether its head has arrived yet. */
function ask(port: number, headers: Record<string, string> = {}): { answer: Promise<Seen>; headArrived: () => boolean } {
  let arrived = false;
  const answer = new Promise<Seen>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/espace/documents", headers }, (res) => {
        arrived = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          const body = (res.headers["content-encoding"] === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      })
      .on("error", reject);
  });
  return { answer, headArrived: () => arrived };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page that hands `commit` over, then renders at once and ends its answer. */
const pageCommitting =
  (commit: Promise<void> | (() => Promise<void>), rendered: () => void = () => {}): PageHandler =>
  async (req, res) => {
    await answerAfter(req, typeof commit === "function" ? commit() : commit);
    rendered();
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-length", Buffer.byteLength(PAGE));
    res.end(PAGE);
  };

describe("a page's answer held until its audit rows are committed", () => {
  it("renders while the commit is under way, and sends not even its head before the commit succeeds", async () => {
    const commit = deferred();
    let rendered = false;
    const port = await serve(pageCommitting(commit.promise, () => (rendered = true)));
    const { answer, headArrived } = ask(port, { "accept-encoding": "gzip" });
    await pause(150);
    expect(rendered).toBe(true);
    expect(headArrived()).toBe(false);
    commit.resolve();
    const seen = await answer;
    expect(seen.status).toBe(200);
    expect(seen.body).toBe(PAGE);
    // Gzip and the configured headers as for any page.
    expect(seen.headers["content-encoding"]).toBe("gzip");
    expect(seen.headers["x-frame-options"]).toBe("DENY");
  });

  it("drops the rendered page for the error page, with a 500, when the commit fails", async () => {
    const commit = deferred();
    const errors: unknown[] = [];
    const port = await serve(pageCommitting(commit.promise), errors);
    for (const encoding of ["gzip", "identity"]) {
      const { answer } = ask(port, { "accept-encoding": encoding });
      await pause(50);
      commit.reject(new Error("audit refused"));
      const seen = await answer;
      expect(seen.status).toBe(500);
      expect(seen.body).toBe("<p>Une erreur est survenue</p>");
      expect(seen.body).not.toContain("Compte rendu");
      // Nothing the page said of its own body survives into the error page's.
      expect(seen.headers["content-encoding"]).toBeUndefined();
      expect(seen.headers["content-length"] ?? String(Buffer.byteLength(seen.body))).toBe(String(Buffer.byteLength(seen.body)));
      expect(String(errors.at(-1))).toContain("audit refused");
    }
  });

  it("sends what the page wrote in pieces in its order, after the commit", async () => {
    const commit = deferred();
    const port = await serve(async (req, res) => {
      await answerAfter(req, commit.promise);
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.write("un,");
      res.write("deux,");
      res.end("trois");
    });
    const { answer, headArrived } = ask(port);
    await pause(100);
    expect(headArrived()).toBe(false);
    commit.resolve();
    expect((await answer).body).toBe("un,deux,trois");
  });

  it("waits for every commit handed over, and answers 500 if any of them fails", async () => {
    const first = deferred();
    const second = deferred();
    const port = await serve(async (req, res) => {
      await answerAfter(req, first.promise);
      await answerAfter(req, second.promise);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(PAGE);
    });
    const { answer, headArrived } = ask(port);
    first.resolve();
    await pause(100);
    expect(headArrived()).toBe(false);
    second.reject(new Error("second refused"));
    expect((await answer).status).toBe(500);
  });

  it("answers at once a page that hands nothing over, and one whose commit failed before it wrote", async () => {
    const port = await serve(async (_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(PAGE);
    });
    expect((await ask(port).answer).body).toBe(PAGE);
    server!.close();
    const port2 = await serve(pageCommitting(() => Promise.reject(new Error("already refused"))));
    expect((await ask(port2).answer).status).toBe(500);
  });
});

describe("answerAfter", () => {
  const request = () => new http.IncomingMessage(null as never);

  it("where nothing holds the answer (Next's own router), waits for the commit itself and fails with it", async () => {
    const commit = deferred();
    let done = false;
    const waiting = answerAfter(request(), commit.promise).then(() => (done = true));
    await pause(20);
    expect(done).toBe(false);
    commit.resolve();
    await waiting;
    expect(done).toBe(true);
    await expect(answerAfter(request(), Promise.reject(new Error("refusé")))).rejects.toThrow("refusé");
  });

  it("where the server holds the answer, returns only after the ticks already queued: the commit's statement is sent before the render", async () => {
    const port = await serve(async (req, res) => {
      let sent = false;
      // As pg-pool hands an idle connection over: on a tick queued while the commit is asked for.
      const commit = new Promise<void>((resolve) => process.nextTick(() => ((sent = true), resolve())));
      await answerAfter(req, commit);
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(sent ? "envoyé avant le rendu" : "rendu d'abord");
    });
    expect((await ask(port).answer).body).toBe("envoyé avant le rendu");
  });
});
