import { expect } from "vitest";
import { appUrl } from "../fhir-api/http";

/**
 * A multipart form post to `path` as a browser sends it: the fields in their order, its size
 * declared (`declared`: a route may refuse it before a byte past its head is read) or streamed
 * without a Content-Length (the cap found by counting).
 */
export async function browserFormRequest(path: `/${string}`, fields: [string, string | File][], cookie: string, declared: boolean): Promise<Request> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const encoded = new Response(form);
  const headers = new Headers({ origin: appUrl(), cookie, "content-type": encoded.headers.get("content-type")! });
  const bytes = declared ? new Uint8Array(await encoded.arrayBuffer()) : undefined;
  if (bytes) headers.set("content-length", String(bytes.byteLength));
  const request = new Request(`${appUrl()}${path}`, { method: "POST", headers, body: bytes ?? encoded.body, duplex: "half" } as RequestInit & { duplex: "half" });
  expect(request.headers.get("content-length")).toBe(bytes ? String(bytes.byteLength) : null);
  return request;
}
