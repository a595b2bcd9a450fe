import type { IncomingMessage, ServerResponse } from "node:http";
import { holdAnswer } from "./answer-after-commit";
import type { ConfigHeaders } from "./config-headers";
import type { PageRoutes } from "./page-routes";
import { PAGE_HEADERS_APPLIED } from "./security-headers";

/**
 * A page view handed straight to the page's entry point in Next's build, the way Next's deployment
 * adapters invoke it (node_modules/next/dist/docs, "Adapters: Invoking Entrypoints":
 * `handler(req, res, ctx)`), instead of through Next's request router.
 *
 * Why: on every page view Next's router and render server (router-server, base-server,
 * next-server) parse the URL three times, scan the 95 static and 33 dynamic routes, build request
 * wrappers and trace spans, before the page's own entry point does the work that makes the page
 * (its route module: the page's parameters, getServerSideProps, React). That routing was a large
 * part of the floor every page pays over the FHIR API, which this server already answers without
 * Next. Measured on the pages bench's world, same build (issue 16,
 * scripts/bench/measured/pages-2026-12-04.txt): busy CPU per view at 50 connections, empty page
 * 1,212 -> 1,029 µs, documents page 3,013 -> 2,717 µs; the same status, headers and HTML
 * (tests/e2e/page-routing.spec.ts asks each page both ways).
 *
 * What Next's router did for these pages is done here or by the entry point itself:
 * - which page: page-routes.ts, from the build's own manifests, and only paths it is sure of;
 * - next.config.ts's headers: config-headers.ts, from the same manifest;
 * - gzip, when next.config's `compress` is on (its default): gzip-whole-answer.ts, which
 *   compresses the page whole, where Next's router streams it through the `compression`
 *   middleware (that file says why);
 * - a page's `notFound`: its entry point calls Next's own render404, which Next's router server
 *   registered for this project when the server started (`app.prepare()`);
 * - an error thrown by a page: logged, and Next's error page, as Next does.
 * The rest (the page's parameters and query, its Cache-Control, HEAD, redirects from
 * getServerSideProps) is the entry point's own work either way. Anything else goes to Next.
 */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, ctx: { requestMeta?: Record<string, unknown> }) => Promise<void>;

export type DirectPagesParts = {
  routes: PageRoutes;
  headers: ConfigHeaders;
  /** The page's entry point (loaded once, then kept). */
  load: (page: string) => Promise<PageHandler>;
  compress?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Next's error page, for a page that threw before answering (`pathname`: the request's path, as Next passes it). */
  renderError: (error: unknown, req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;
  log?: (error: unknown) => void;
  /** What the entry points are told of the server (the project's folder, relative to the working directory). */
  requestMeta?: Record<string, unknown>;
};

/** A request served here: the page it names, and its path (as sent, checked by `pageOf`). */
export type PageView = { page: string; pathname: string };

export type DirectPages = {
  /** The page this request would be handed to, if it is one served here. */
  pageOf(req: IncomingMessage, pathname: string): PageView | undefined;
  serve(req: IncomingMessage, res: ServerResponse, view: PageView): Promise<void>;
};

export function directPages(parts: DirectPagesParts): DirectPages {
  const handlers = new Map<string, Promise<PageHandler>>();
  const handlerOf = (page: string) => {
    let handler = handlers.get(page);
    if (!handler) {
      handler = parts.load(page);
      handlers.set(page, handler);
      // A page that failed to load is tried again on its next view, not remembered as failed.
      handler.catch(() => handlers.delete(page));
    }
    return handler;
  };
  /** Next's error page with a 500, in place of a page that threw or whose audit rows could not be committed. */
  const answerError = async (error: unknown, req: IncomingMessage, res: ServerResponse, pathname: string) => {
    (parts.log ?? console.error)(error);
    if (res.headersSent) return void res.destroy();
    res.statusCode = 500;
    // What the page had said of its own body (its length, its encoding) is not the error page's.
    for (const name of ["content-length", "content-encoding", "content-type", "etag"]) if (res.hasHeader(name)) res.removeHeader(name);
    try {
      await parts.renderError(error, req, res, pathname);
    } catch (renderError) {
      (parts.log ?? console.error)(renderError);
      if (!res.headersSent) res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("Erreur interne du serveur");
    }
  };
  return {
    pageOf(req, pathname) {
      if (req.method !== "GET" && req.method !== "HEAD") return undefined;
      // Next's proxy (src/proxy.ts) is skipped for this request only when the portal's server
      // already set the page headers (page-headers.ts); otherwise Next runs it, so Next serves.
      if (req.headers[PAGE_HEADERS_APPLIED] !== "1") return undefined;
      // Client-side navigations' requests (the Pages Router's data, the App Router's RSC) are Next's to answer.
      if (req.headers["x-nextjs-data"] !== undefined || req.headers["rsc"] !== undefined) return undefined;
      // The path as sent, not as URL parsing tidied it ("/a/./b", "//a"): Next routes those.
      if ((req.url ?? "").split("?", 1)[0] !== pathname) return undefined;
      const page = parts.routes.pageOf(pathname);
      return page ? { page, pathname } : undefined;
    },
    async serve(req, res, { page, pathname }) {
      for (const [key, value] of parts.headers(pathname)) res.setHeader(key, value);
      // The page is rendered while its audit rows are committed; its answer waits for the commit
      // (answer-after-commit.ts), and gives way to the error page if the commit fails.
      holdAnswer(req, res, (error) => void answerError(error, req, res, pathname));
      parts.compress?.(req, res);
      // Next's router listens for these too: a client gone mid-answer is not a crash.
      req.on("error", () => {});
      res.on("error", () => {});
      try {
        const handler = await handlerOf(page);
        // A copy for each request: the entry point makes this object the request's own metadata
        // (pages-handler.js: setRequestMeta(req, ctx.requestMeta)) and writes into it, and so does
        // Next's error page (base-server.js: its `query`, `params`, `invokeError`). Shared, one
        // page that threw left its empty query on every later view of the process: the documents
        // list lost its filters, every page its `?message=` notice, for everyone.
        await handler(req, res, { requestMeta: { ...parts.requestMeta } });
      } catch (error) {
        await answerError(error, req, res, pathname);
      }
    },
  };
}
