import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip, gzipWholeAnswer } from "@/server/http/gzip-whole-answer";

/**
 * What a client receives from a real HTTP server whose answers go through gzipWholeAnswer: the
 * handler for each path below plays a page's entry point (Next's send-payload: headers, then
 * res.end(html)) or something that streams.
 */
const PAGE = "<!DOCTYPE html><html lang=\"fr\"><body>" + "<p>Vos documents de santé</p>".repeat(80) + "</body></html>";
/** Over the size compressed on this thread: goes through the thread pool. */
const LARGE = Array.from({ length: 12_000 }, (_, i) => `<li>Document ${i} du ${i % 28} mars</li>`).join("");
const html = (res: http.ServerResponse) => res.setHeader("Content-Type", "text/html; charset=utf-8");

const handlers: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  "/page": (_req, res) => {
    html(res);
    res.setHeader("Content-Length", Buffer.byteLength(PAGE));
    res.end(PAGE);
  },
  "/head": (req, res) => {
    html(res);
    res.setHeader("Content-Length", Buffer.byteLength(PAGE));
    res.end(req.method === "HEAD" ? null : PAGE);
  },
  "/buffer": (_req, res) => {
    html(res);
    res.end(new Uint8Array(Buffer.from(PAGE)));
  },
  "/latin1": (_req, res) => {
    html(res);
    res.end("é".repeat(2000), "latin1");
  },
  "/large": (_req, res) => {
    html(res);
    res.end(LARGE);
  },
  "/small": (_req, res) => {
    html(res);
    res.end("<p>Bonjour</p>");
  },
  "/png": (_req, res) => {
    res.setHeader("Content-Type", "image/png");
    res.end(Buffer.alloc(4096, 1));
  },
  "/no-transform": (_req, res) => {
    html(res);
    res.setHeader("Cache-Control", "private, no-transform");
    res.end(PAGE);
  },
  "/encoded": (_req, res) => {
    html(res);
    res.setHeader("Content-Encoding", "br");
    res.end(PAGE);
  },
  "/not-modified": (_req, res) => {
    html(res);
    res.statusCode = 304;
    res.end();
  },
  "/vary-cookie": (_req, res) => {
    html(res);
    res.setHeader("Vary", "Cookie");
    res.end(PAGE);
  },
  "/vary-star": (_req, res) => {
    html(res);
    res.setHeader("Vary", "*");
    res.end(PAGE);
  },
  "/pieces": (_req, res) => {
    html(res);
    res.write(PAGE.slice(0, 1000));
    res.end(PAGE.slice(1000));
  },
  "/head-first": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(PAGE);
  },
  "/callback": (_req, res) => {
    html(res);
    res.end(PAGE, "utf8", () => res.emit("ended-callback"));
  },
  "/redirect": (_req, res) => {
    res.statusCode = 307;
    res.setHeader("Location", "/connexion");
    res.end();
  },
};

let server: http.Server;
let port: number;
const endedCallbacks: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    res.once("ended-callback", () => endedCallbacks.push(path));
    gzipWholeAnswer(req, res);
    (handlers[path] ?? handlers["/page"]!)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Received = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string };

/** The raw bytes, as the wire carries them (fetch would unzip them itself). */
function get(path: string, acceptEncoding: string | undefined, method = "GET"): Promise<Received> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
    const req = http.request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const text = (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("gzip of a page answered whole", () => {
  it("sends a page whole and gzipped to a client that takes gzip, with the gzipped length", async () => {
    const got = await get("/page", "gzip, deflate, br");
    expect(got.headers["content-encoding"]).toBe("gzip");
    expect(got.headers["vary"]).toBe("Accept-Encoding");
    expect(got.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(got.headers["content-length"])).toBe(got.raw.length);
    expect(got.raw.length).toBeLessThan(Buffer.byteLength(PAGE) / 5);
    expect(got.text).toBe(PAGE);
  });

  it.each([
    ["no Accept-Encoding", undefined],
    ["gzip refused", "gzip;q=0, deflate"],
    ["only brotli", "br"],
    ["the uncompressed answer preferred", "identity, gzip;q=0.5"],
  ])("sends the page uncompressed, with its own length and Vary, to a client with %s", async (_name, accept) => {
    const got = await get("/page", accept);
    expect(got.headers["content-encoding"]).toBeUndefined();
    expect(got.headers["vary"]).toBe("Accept-Encoding");
    expect(Number(got.headers["content-length"])).toBe(Buffer.byteLength(PAGE));
    expect(got.text).toBe(PAGE);
  });

  it("compresses a large answer too (on the thread pool), with its gzipped length", async () => {
    expect(Buffer.byteLength(LARGE)).toBeGreaterThan(256 * 1024);
    const got = await get("/large", "gzip");
    expect(got.headers["content-encoding"]).toBe("gzip");
    expect(Number(got.headers["content-length"])).toBe(got.raw.length);
    expect(got.text).toBe(LARGE);
  });

  it("compresses a page given as bytes, and a string in another encoding, decoding to the same text", async () => {
    expect((await get("/buffer", "gzip")).text).toBe(PAGE);
    const latin1 = await get("/latin1", "gzip");
    expect(latin1.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(latin1.raw).equals(Buffer.from("é".repeat(2000), "latin1"))).toBe(true);
  });

  it.each([
    ["a page under 1 kB", "/small", "Accept-Encoding"],
    ["a page marked no-transform", "/no-transform", "Accept-Encoding"],
    ["a type that is not text", "/png", undefined],
  ])("leaves %s as it is", async (_name, path, vary) => {
    const plain = await get(path, undefined);
    const asked = await get(path, "gzip");
    expect(asked.headers["content-encoding"]).toBeUndefined();
    expect(asked.headers["vary"]).toBe(vary);
    expect(asked.raw.equals(plain.raw)).toBe(true);
  });

  it("never compresses twice: an answer already encoded keeps its encoding and bytes", async () => {
    const got = await get("/encoded", "gzip");
    expect(got.headers["content-encoding"]).toBe("br");
    expect(got.raw.toString("utf8")).toBe(PAGE);
  });

  it("answers HEAD with the uncompressed length and no body, and 304 with nothing", async () => {
    const head = await get("/head", "gzip", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(PAGE));
    expect(head.raw.length).toBe(0);
    const notModified = await get("/not-modified", "gzip");
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();
  });

  it("adds Accept-Encoding to the Vary a page set, and leaves Vary: * alone", async () => {
    expect((await get("/vary-cookie", "gzip")).headers["vary"]).toBe("Cookie, Accept-Encoding");
    expect((await get("/vary-star", "gzip")).headers["vary"]).toBe("*");
  });

  it("lets an answer written in pieces, or whose head went first, through uncompressed and whole", async () => {
    for (const path of ["/pieces", "/head-first"]) {
      const got = await get(path, "gzip");
      expect(got.status).toBe(200);
      expect(got.headers["content-encoding"]).toBeUndefined();
      expect(got.text).toBe(PAGE);
    }
  });

  it("calls the callback given to end, and passes a redirect with no body through", async () => {
    await get("/callback", "gzip");
    expect(endedCallbacks).toContain("/callback");
    const redirect = await get("/redirect", "gzip");
    expect(redirect.status).toBe(307);
    expect(redirect.headers["location"]).toBe("/connexion");
    expect(redirect.raw.length).toBe(0);
  });

  it("decodes to the page whatever the Accept-Encoding (property)", async () => {
    const codings = fc.constantFrom("gzip", "GZIP", "x-gzip", "deflate", "br", "identity", "*", "compress", "");
    const weight = fc.option(fc.constantFrom("0", "0.001", "0.5", "1", "1.0", "abc", ""), { nil: undefined });
    const header = fc.array(fc.tuple(codings, weight), { maxLength: 4 }).map((parts) => parts.map(([c, q]) => (q === undefined ? c : `${c};q=${q}`)).join(", "));
    await fc.assert(
      fc.asyncProperty(header, async (accept) => {
        const got = await get("/page", accept);
        expect(got.text).toBe(PAGE);
        expect(got.headers["content-encoding"] === "gzip").toBe(acceptsGzip(accept));
        expect(Number(got.headers["content-length"])).toBe(got.raw.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe("whether a client takes gzip (RFC 9110, Accept-Encoding)", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br, zstd", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["deflate, gzip;q=0.5", true],
    ["gzip;q=0.5", true],
    ["*", true],
    ["identity;q=0, *", true],
    ["gzip;q=0", false],
    ["gzip;q=0.0", false],
    ["*;q=0", false],
    ["br", false],
    ["identity", false],
    ["identity, gzip;q=0.5", false],
    ["identity;q=0.5, gzip", true],
    ["gzip;q=abc", false],
    ["", false],
    [undefined, false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
