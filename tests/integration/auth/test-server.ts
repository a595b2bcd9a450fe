import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pinClientAddress } from "@/server/http/pin-client-address";
import { inAuthScope } from "../../setup/next-headers-scope";

/**
 * A real HTTP server in front of the app's route handlers, doing what the portal's server does
 * before Next (pinClientAddress), so attacks are sent over a socket with whatever headers an
 * attacker likes. Cookies the handlers set come back as Set-Cookie, as with Next.
 */
export type Route = (request: Request) => Promise<Response>;

export async function startTestServer(routes: Record<string, Route>, trustedHops = 0) {
  const server = http.createServer((req, res) => {
    pinClientAddress(req, trustedHops);
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost:3000");
      const route = routes[url.pathname];
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const request = toRequest(req, url);
      const { result, setCookies } = await inAuthScope(request, () => route(request));
      const headers: Record<string, string | string[]> = {};
      result.headers.forEach((value, key) => (headers[key] = value));
      // Those a route returns itself (next-auth's), then those it set through cookies().
      headers["set-cookie"] = [...result.headers.getSetCookie(), ...[...setCookies].map(([name, { value }]) => `${name}=${value}; Path=/; HttpOnly`)];
      res.writeHead(result.status, headers).end(Buffer.from(await result.arrayBuffer()));
    })().catch((error: unknown) => {
      console.error(error);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? "GET";
  return new Request(url, method === "GET" ? { method, headers } : { method, headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" } as RequestInit);
}

/**
 * A browser: keeps its cookies between requests, sends same-origin form posts. `address`: sent as
 * X-Forwarded-For, which only a server with trusted hops believes. `localAddress`: the loopback
 * address its connections come from (any of 127.0.0.0/8 on Linux), for a test whose per-address
 * counts must not be shared with other files' sign-ins from 127.0.0.1, which run at the same time
 * on the same database (a right password refunds the address's count).
 */
export class Browser {
  readonly jar = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly address?: string,
    private readonly localAddress?: string,
  ) {}

  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  post(path: string, fields: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<Response> {
    return this.send(path, "application/x-www-form-urlencoded", new URLSearchParams(fields).toString(), extraHeaders);
  }

  postJson(path: string, body: unknown = {}): Promise<Response> {
    return this.send(path, "application/json", JSON.stringify(body), {});
  }

  /** A GET as a browser follows a link or a redirect (not followed here), with its cookies. */
  async get(path: string): Promise<Response> {
    const headers = { cookie: this.cookieHeader(), ...(this.address ? { "x-forwarded-for": this.address } : {}) };
    return this.keepCookies(await fetch(`${this.base}${path}`, { redirect: "manual", headers }));
  }

  private async send(path: string, contentType: string, body: string, extraHeaders: Record<string, string>): Promise<Response> {
    const headers = {
      "content-type": contentType,
      origin: "http://localhost:3000",
      cookie: this.cookieHeader(),
      ...(this.address ? { "x-forwarded-for": this.address } : {}),
      ...extraHeaders,
    };
    const url = `${this.base}${path}`;
    const response = this.localAddress
      ? await postFrom(this.localAddress, url, headers, body)
      : await fetch(url, { method: "POST", redirect: "manual", headers, body });
    return this.keepCookies(response);
  }

  private keepCookies(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
}

/** A POST over node:http from a chosen local address (fetch cannot choose one without undici's Agent), as a Response. */
function postFrom(localAddress: string, url: string, headers: Record<string, string>, body: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, localAddress }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("error", reject);
      answer.on("end", () => {
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) responseHeaders.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
        resolve(new Response(Buffer.concat(chunks), { status: answer.statusCode ?? 500, headers: responseHeaders }));
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}
