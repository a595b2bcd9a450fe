/**
 * One process of the portal's server: Next, the FHIR API answered directly, the page views sent
 * straight to their pages, the outbox's e-mails and the purge schedule. portal-server.ts starts
 * it, in this process or in each of the cluster's workers (it says why and how many).
 */
import http from "node:http";
import next from "next";
import { schedulePurge } from "./db/purge-schedule";
import { startMailWorker } from "./db/mail-worker-runner";
import { env } from "./env";
import { isFhirPath, requestUrl, serveFhir } from "./fhir-api/node-handler";
import { pinClientAddress } from "./http/pin-client-address";
import { applyPageHeaders } from "./http/page-headers";
import { runOnBuiltNextConfig } from "./http/built-next-config";
import { renderPagesWithNodeBuild } from "./http/node-page-renderer";
import { directPagesOfBuild } from "./http/direct-pages-of-build";
import { gated, RenderGate } from "./http/render-gate";
import { AsyncHooksQuieter } from "./http/quiet-async-hooks";
import { restoreNativeDate } from "./http/native-date";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "localhost";

export async function startPortal(): Promise<void> {
  // Before Next loads its pages runtime: React's Node build renders the Pages Router (see there why).
  renderPagesWithNodeBuild();
  // Next runs on the configuration its build wrote, without compiling next.config.ts again (see there why).
  runOnBuiltNextConfig(process.cwd());
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  // Next has loaded and wrapped Date: Node's own comes back (http/native-date.ts says why).
  restoreNativeDate();
  const handle = app.getRequestHandler();
  const { APP_URL, APP_ENV, TRUSTED_PROXY_HOPS, RENDER_CONCURRENCY, OIDC_ISSUER, DIRECT_PAGES } = env();
  const production = APP_ENV === "production";
  // Node 20's async hooks, left on by Next's App Router, go off when it is idle (see there why).
  const quieter = new AsyncHooksQuieter();
  const gate = RENDER_CONCURRENCY > 0 ? new RenderGate(RENDER_CONCURRENCY) : undefined;
  // The Pages Router's page views go straight to their pages' entry points (see there why);
  // DIRECT_PAGES=off sends them through Next's router, as everything else is.
  const pages =
    DIRECT_PAGES === "off"
      ? undefined
      : directPagesOfBuild(process.cwd(), (error, req, res, pathname) =>
          app.renderError(error instanceof Error ? error : new Error(String(error)), req, res, pathname),
        );

  const server = http.createServer((req, res) => {
    // Before anything reads it: the address sign-in throttling and audit rows record.
    pinClientAddress(req, TRUSTED_PROXY_HOPS);
    let url: URL | undefined;
    try {
      url = requestUrl(req, APP_URL);
    } catch {
      url = undefined; // not a path Next can route either: it answers 400 itself
    }
    if (url && isFhirPath(url.pathname)) return void serveFhir(req, res, url, production);
    applyPageHeaders(req, res, url?.pathname, { production, oidcIssuer: OIDC_ISSUER });
    const view = url && pages?.pageOf(req, url.pathname);
    const serve = view
      ? () => void pages!.serve(req, res, view)
      : () => {
          quieter.handedToNext(res);
          void handle(req, res);
        };
    if (gate && url && gated(req, url.pathname)) gate.run(res, serve);
    else serve();
  });
  // An idle kept-alive connection is closed after 65 s, not Node's 5 s. A proxy in front (nginx's
  // upstream keepalive, a cloud load balancer: 60 s) or a client that reuses a connection must be
  // the one to close it first: a request sent as the server closes meets a reset (a 502 behind a
  // proxy). A CI run met one such reset, on a connection reused after about 5 s (uploads.spec.ts).
  server.keepAliveTimeout = 65_000;
  // The outbox's e-mails are sent from here (every process of the portal, each claiming its own
  // rows), unless MAIL_WORKER=off leaves them to `npm run mail:worker`.
  const mail = env().MAIL_WORKER === "on" ? await startMailWorker() : undefined;
  if (mail) console.log(`E-mails : ${mail.transport.where}`);
  server.listen(port, hostname, () => console.log(`Serveur prêt sur http://${hostname}:${port}`));
  // Expired sessions, sign-in challenges and rate-limit windows (db/purge-expired.ts).
  const stopPurge = schedulePurge();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // The e-mails being sent finish first: stopping never sends one twice.
    process.once(signal, () => {
      stopPurge();
      void (mail?.worker.stop() ?? Promise.resolve()).finally(() => {
        mail?.transport.close();
        server.close(() => process.exit(0));
        // Kept-alive connections waiting for a next request would otherwise hold the stop for
        // up to keepAliveTimeout (measured: 70 s with one such connection open).
        server.closeIdleConnections();
      });
    });
  }
}

