import http from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { PATIENT_IDS, PRESCRIPTION_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { randomAddress } from "./helpers/sign-in";

/**
 * The portal's server hands a page view straight to the page's entry point, without Next's
 * request router (src/server/http/direct-pages.ts). A path with a dot segment ("/./espace") is
 * left to Next's router, which serves the same page: so, on the one running server, each page is
 * asked both ways and must answer the same status, headers and HTML (nonces aside), gzip too.
 * Sent with Node's http, which keeps the path as written (a browser or fetch would tidy it).
 * Only the framing may differ: Next's router streams a page through its compression middleware
 * (chunked), the direct path sends it whole with its length (src/server/http/gzip-whole-answer.ts).
 */
test.describe.configure({ mode: "serial" });

const { pageAs, closeAll } = personaPages();
test.afterAll(closeAll);

const port = Number(process.env.E2E_PORT ?? 3100);
const address = randomAddress();
/** What differs between any two views of one page: the nonce of its scripts and styles. */
const VARYING_HEADERS = new Set(["date", "content-security-policy", "content-length", "set-cookie", "connection", "keep-alive"]);
/** How the bytes are delimited: a length, or chunks. */
const FRAMING_HEADERS = new Set(["transfer-encoding"]);

type Answer = { status: number; headers: Record<string, string>; body: string; length: string | undefined; bytes: number };

function get(path: string, cookie: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request({ host: "localhost", port, path, method, headers: { cookie, "x-forwarded-for": address, accept: "text/html", ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const kept = Object.entries(res.headers).filter(([key]) => !VARYING_HEADERS.has(key) && !FRAMING_HEADERS.has(key));
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: Object.fromEntries(kept.map(([key, value]) => [key, String(value)])),
            // Compared unzipped: the nonces inside make each compressed page unlike the next.
            body: (res.headers["content-encoding"] === "gzip" ? gunzipSync(bytes) : bytes)
              .toString("utf8")
              .replace(/(nonce="|data-n-css="|nonce-)[A-Za-z0-9+/=]+/g, "$1…"),
            length: res.headers["content-length"],
            bytes: bytes.length,
          });
        });
      })
      .on("error", reject)
      .end();
  });
}

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

async function sameBothWays(paths: string[], cookie: string, headers: Record<string, string> = {}, method = "GET") {
  for (const path of paths) {
    // A first view may change what the next one shows (documents marked as seen): settle it.
    await get(path, cookie, headers, method);
    const throughNext = await get(`/.${path}`, cookie, headers, method);
    const direct = await get(path, cookie, headers, method);
    expect(direct.status, path).toBe(throughNext.status);
    expect(direct.headers, path).toEqual(throughNext.headers);
    expect(direct.body, path).toBe(throughNext.body);
    // Sent whole: its length is that of the bytes on the wire, compressed or not.
    if (direct.bytes > 0) expect(Number(direct.length), path).toBe(direct.bytes);
  }
}

test("a patient's pages answer the same straight to the page as through Next's router", async ({ browser }) => {
  const cookie = await cookieOf(await pageAs(browser, "camille"));
  const pages = [
    "/espace",
    "/espace/documents",
    "/espace/documents?categorie=lab",
    "/espace/documents/ajouter",
    "/espace/ordonnances",
    `/espace/ordonnances/${PRESCRIPTION_IDS.camilleActive}`,
    "/espace/partage",
    "/espace/proches",
    "/espace/prevention",
    "/espace/prevention/carnet",
    "/espace/notifications",
    "/espace/messages",
    "/espace/compte",
    // Not found: the page's own notFound, rendered by Next's 404 page both ways.
    "/espace/documents/00000000-0000-4000-8000-000000000000",
  ];
  await sameBothWays(pages, cookie);
  // Gzip both ways too: a page the direct path sent in pieces would go uncompressed (gzip-whole-answer.ts).
  await sameBothWays(pages, cookie, { "accept-encoding": "gzip" });
  const gzip = await get("/espace/documents", cookie, { "accept-encoding": "gzip" });
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gzip.headers["vary"]).toBe("Accept-Encoding");
  expect(gzip.bytes).toBeLessThan(gzip.body.length / 3);
  // HEAD: the same head both ways, gzip asked or not, and no body.
  const heads = ["/espace", "/espace/documents", `/espace/ordonnances/${PRESCRIPTION_IDS.camilleActive}`];
  await sameBothWays(heads, cookie, {}, "HEAD");
  await sameBothWays(heads, cookie, { "accept-encoding": "gzip" }, "HEAD");
  const head = await get("/espace/documents", cookie, { "accept-encoding": "gzip" }, "HEAD");
  expect(head.status).toBe(200);
  expect(head.headers["content-encoding"]).toBeUndefined();
  expect(head.bytes).toBe(0);
});

test("a professional's pages, the pharmacist's link page and the sign-in page answer the same both ways", async ({ browser }) => {
  const cookie = await cookieOf(await pageAs(browser, "bernard"));
  await sameBothWays(["/pro", `/pro/patients/${PATIENT_IDS.camille}`], cookie);
  await sameBothWays(["/pro", `/pro/patients/${PATIENT_IDS.camille}`], cookie, { "accept-encoding": "gzip" });
  // Without a session: the link page of a link that does not exist says it is no longer available
  // (404, no referrer), the sign-in page, and a personal page sends the visitor to sign in.
  await sameBothWays(["/p/00000000-0000-4000-8000-00000000f00d", "/connexion", "/espace/documents"], "");
  const signIn = await get("/espace/documents", "");
  expect(signIn.status).toBe(307);
  expect(signIn.headers["location"]).toBe("/connexion?vers=%2Fespace%2Fdocuments");
});
