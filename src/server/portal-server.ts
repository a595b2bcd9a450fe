/**
 * The portal's production HTTP server (`npm start`, the end-to-end tests, the container): Next
 * serves the pages, server actions and routes, except the FHIR API under /api/fhir/R4, answered
 * here by the same handler as its Next route, without Next's per-request routing (see
 * fhir-api/node-handler.ts for why). Bundled by scripts/build-server.mjs into
 * .next/portal-server.mjs; `next dev` keeps serving the API through the route.
 *
 * Stateless: sessions, rules and audit rows live in PostgreSQL, so several of these run behind a
 * load balancer against one database server (every one with the same AUTH_SECRET).
 */
import http from "node:http";
import next from "next";
import { env } from "./env";
import { isFhirPath, requestUrl, serveFhir } from "./fhir-api/node-handler";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "localhost";

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { APP_URL, APP_ENV } = env();
  const production = APP_ENV === "production";

  const server = http.createServer((req, res) => {
    let url: URL | undefined;
    try {
      url = requestUrl(req, APP_URL);
    } catch {
      url = undefined; // not a path Next can route either: it answers 400 itself
    }
    if (url && isFhirPath(url.pathname)) void serveFhir(req, res, url, production);
    else void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`Serveur prêt sur http://${hostname}:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => server.close(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
