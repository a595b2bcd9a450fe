/**
 * A request body read up to a byte limit, counted on the bytes as they arrive. Content-Length
 * is only a hint: a chunked body has none, and a client can lie about it, so the count is what
 * decides. Past the limit the stream is cancelled (nothing more is buffered) and the caller
 * gets "too-large"; below it, the whole body.
 */
export type CappedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too-large" | "unreadable" };

export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  // An honest client that declares too much is told at once, before a byte is read. The body is
  // left alone rather than cancelled: Node discards it after the answer and keeps the connection,
  // so a browser's plain form post, still sending, gets to read the answer.
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or the stream broke mid-body: there is nothing whole to read.
    return { ok: false, reason: "unreadable" };
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0]! };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * A multipart or urlencoded form from a body read within the limit. The parser is the
 * platform's (undici's), given only the bytes already counted.
 */
export async function readCappedForm(request: Request, maxBytes: number): Promise<FormData | "too-large" | undefined> {
  const body = await readCappedBody(request, maxBytes);
  if (!body.ok) return body.reason === "too-large" ? "too-large" : undefined;
  return formOfBody(body.bytes, request.headers.get("content-type"));
}

/** The form in a body already read (readCappedBody); undefined when it is not one. */
export async function formOfBody(bytes: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<FormData | undefined> {
  if (!contentType) return undefined;
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return undefined;
  }
}
