import "@/server/server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type NextAuthOptions } from "next-auth";
import { readPlainJson, readPlainText } from "../http/read-capped-body";

/**
 * Runs next-auth for one request with the public address we chose for it.
 *
 * next-auth builds every redirect (after the code step, to its error page, to the identity
 * provider and back) from one origin, which it takes from NEXTAUTH_URL, a process-wide variable,
 * or, when told to trust the host, from the request's Host and X-Forwarded-* headers. Its App
 * Router entry reads those headers from Next itself, so neither could follow the address a
 * person actually used (http://127.0.0.1:3000, another port): the code step sent them to
 * http://localhost:3000, where the browser had no cookies, or nothing listened. Its entry for
 * API routes takes the request as an object, so here the headers it trusts are ours, set to the
 * public address (src/server/http/public-url.ts: APP_URL, or a loopback address in a demo), and
 * never the client's own X-Forwarded-Host.
 */
export async function nextAuthResponse(request: Request, segments: string[], options: NextAuthOptions, publicUrl: string): Promise<Response> {
  // Tells next-auth to take its origin from the headers below; the deployment's address is
  // APP_URL, and a NEXTAUTH_URL left in the environment would override it for every request.
  process.env.AUTH_TRUST_HOST = "true";
  delete process.env.NEXTAUTH_URL;
  const url = new URL(request.url);
  const origin = new URL(publicUrl);
  const headers: Record<string, string> = Object.fromEntries(request.headers);
  headers.host = origin.host;
  headers["x-forwarded-host"] = origin.host;
  headers["x-forwarded-proto"] = origin.protocol.replace(/:$/, "");
  const req = {
    method: request.method,
    headers,
    query: { ...Object.fromEntries(url.searchParams), nextauth: segments },
    cookies: cookiesOf(request.headers.get("cookie")),
    body: await bodyOf(request),
  };
  const res = new CollectedResponse();
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, options);
  return res.toResponse();
}

/** What next-auth reads of a body: a urlencoded form (the code step) or JSON. */
async function bodyOf(request: Request): Promise<Record<string, unknown> | undefined> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type") ?? "";
  // Within the cap of every other form (read-capped-body.ts): next-auth's forms are a few fields.
  try {
    if (type.includes("application/json")) return (await readPlainJson(request)) as Record<string, unknown> | undefined;
    if (type.includes("application/x-www-form-urlencoded")) {
      const text = await readPlainText(request);
      return text === undefined ? undefined : Object.fromEntries(new URLSearchParams(text));
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function cookiesOf(header: string | null): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (!(name in jar)) {
      try {
        jar[name] = decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        jar[name] = part.slice(at + 1).trim();
      }
    }
  }
  return jar;
}

/** The part of Node's ServerResponse that next-auth's API entry writes to, kept as a fetch Response. */
class CollectedResponse {
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: string | undefined;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string | string[]): this {
    this.headers.delete(name);
    for (const one of Array.isArray(value) ? value : [value]) this.headers.append(name, one);
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    if (name.toLowerCase() === "set-cookie") return this.headers.getSetCookie();
    return this.headers.get(name) ?? undefined;
  }

  json(value: unknown): void {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(value);
  }

  send(value: unknown): void {
    if (typeof value === "string" || value === undefined) this.body = value;
    else this.json(value);
  }

  end(): void {}

  toResponse(): Response {
    const empty = this.statusCode === 204 || this.statusCode === 304 || (this.statusCode >= 300 && this.statusCode < 400);
    return new Response(empty ? null : (this.body ?? null), { status: this.statusCode, headers: this.headers });
  }
}
