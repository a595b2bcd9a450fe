import type { ReceivingLease } from "./upload-receiving";

/**
 * A request body read up to a byte limit, counted on the bytes as they arrive. Content-Length
 * is only a hint: a chunked body has none, and a client can lie about it, so the count is what
 * decides. Past the limit the stream is cancelled (nothing more is buffered) and the caller
 * gets "too-large"; below it, the whole body.
 */
export type CappedBody =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  // `head`: the body's first bytes, when the caller asked for them (keepHead), read and kept before the refusal.
  | { ok: false; reason: "too-large" | "busy"; head?: Uint8Array<ArrayBuffer> }
  | { ok: false; reason: "unreadable" };

/**
 * `keepHead`: on a body too large, give back its first bytes too, so that a form's small fields,
 * sent before its file, are not lost with it (message-post.ts: a message's text, typed before a
 * 25 MB file was chosen, came back empty). Nothing past them is kept.
 * `lease`: the process's budget for upload bodies (upload-receiving.ts); past it, "busy" and nothing more
 * is kept but the head, when asked for (a message refused « occupe » lost its text as well).
 */
export async function readCappedBody(request: Request, maxBytes: number, keepHead = 0, lease?: ReceivingLease): Promise<CappedBody> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  // An honest client that declares too much is told at once, before a byte more than its head is
  // read. The rest is not cancelled: a browser's plain form post, still sending, must get to read
  // the answer. Node discards a body nobody read; one whose head was read is read to its end and
  // dropped here (as Node would), or the browser's upload would stall with the answer unread.
  if (Number.isFinite(declared) && declared > maxBytes) {
    if (keepHead <= 0 || !request.body) return { ok: false, reason: "too-large" };
    return { ok: false, reason: "too-large", head: await headThenDrop(request.body.getReader(), keepHead) };
  }
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
        return keepHead > 0 ? { ok: false, reason: "too-large", head: joined([...chunks, value], keepHead) } : { ok: false, reason: "too-large" };
      }
      if (lease && !lease.hold(value.byteLength)) {
        await reader.cancel().catch(() => undefined);
        return keepHead > 0 ? { ok: false, reason: "busy", head: joined([...chunks, value], keepHead) } : { ok: false, reason: "busy" };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or the stream broke mid-body: there is nothing whole to read.
    return { ok: false, reason: "unreadable" };
  }
  return chunks.length === 1 ? { ok: true, bytes: chunks[0]! } : { ok: true, bytes: joined(chunks) };
}

/** The chunks end to end, or only their first `limit` bytes (a head, without copying the 20 MB behind it). */
function joined(chunks: Uint8Array<ArrayBuffer>[], limit = Infinity): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.min(limit, chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)));
  let at = 0;
  for (const chunk of chunks) {
    if (at >= bytes.byteLength) break;
    const part = chunk.subarray(0, bytes.byteLength - at);
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** The first `size` bytes; the rest is read and dropped in the background, nothing of it kept. */
async function headThenDrop(reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  try {
    while (total < size) {
      const { done, value } = await reader.read();
      if (done) return joined(chunks, size);
      chunks.push(value);
      total += value.byteLength;
    }
  } catch {
    return joined(chunks, size);
  }
  void (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // The client went away: nothing left to drop.
    }
  })();
  return joined(chunks, size);
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

/**
 * The form in a body already read (readCappedBody); undefined when it is not one. Only a
 * multipart body may be large (it carries a file), and then with few parts; any other form is
 * held to PLAIN_FORM_MAX_BYTES: what costs the parser is the number of fields, not the bytes.
 */
export async function formOfBody(bytes: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<FormData | undefined> {
  if (!contentType) return undefined;
  if (/^\s*multipart\//i.test(contentType)) {
    const boundary = SOLE_BOUNDARY.exec(contentType.trim());
    const delimiter = boundary?.[1] ?? boundary?.[2];
    if (!delimiter || !partsWithin(bytes, delimiter, FORM_MAX_PARTS)) return undefined;
  } else if (bytes.byteLength > PLAIN_FORM_MAX_BYTES) return undefined;
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return undefined;
  }
}

/**
 * The whole fields at the start of a multipart body cut short (readCappedBody's `head`): the
 * parts before the last boundary found, closed as a body of their own and read by the same parser.
 * A file part cut in the middle is left out; browsers send the fields in the form's order, the
 * file after the text. Undefined when the head holds no whole field or is not multipart.
 */
export async function formOfHead(head: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<FormData | undefined> {
  // The boundary read as formOfBody reads it (SOLE_BOUNDARY), not a looser way of its own.
  const boundary = SOLE_BOUNDARY.exec((contentType ?? "").trim());
  const name = boundary?.[1] ?? boundary?.[2];
  if (!name) return undefined;
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const last = bytes.lastIndexOf(`\r\n--${name}`);
  if (last < 0) return undefined;
  return formOfBody(new Uint8Array(Buffer.concat([bytes.subarray(0, last), Buffer.from(`\r\n--${name}--\r\n`)])), contentType);
}

/**
 * The most a form without a file may weigh: every such form of the portal is a few short fields,
 * a message's 5,000 characters at most (which goes multipart to /api/messages anyway). The
 * platform's parser turns each field into objects of some 100 bytes of heap, so a body made of
 * tiny fields ("a&a&a&…") is the costly one: 2 MB of them took 95 MB and 3.6 s, 10 MB ran the
 * portal's 256 MB heap out and killed the process, from one anonymous request to « Mot de passe
 * oublié » (found by an attack round). At this cap: some 65,000 fields, a few MB, a tenth of a second.
 */
export const PLAIN_FORM_MAX_BYTES = 128 * 1024;
/** The most parts a multipart form may have: ours have a dozen; a 20 MB body of empty parts has 400,000 (5 s of parsing). */
export const FORM_MAX_PARTS = 200;

/** A form without a file (urlencoded, or multipart without one), read within PLAIN_FORM_MAX_BYTES; undefined past it or when it is not a form. */
export async function readPlainForm(request: Request): Promise<FormData | undefined> {
  const form = await readCappedForm(request, PLAIN_FORM_MAX_BYTES);
  return form === "too-large" ? undefined : form;
}

/** A JSON body (a passkey's answer) read within PLAIN_FORM_MAX_BYTES; undefined past it or when it is not JSON. */
export async function readPlainJson(request: Request): Promise<unknown> {
  const body = await readCappedBody(request, PLAIN_FORM_MAX_BYTES);
  if (!body.ok) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(body.bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** The text of a body within PLAIN_FORM_MAX_BYTES; undefined past it. */
export async function readPlainText(request: Request): Promise<string | undefined> {
  const body = await readCappedBody(request, PLAIN_FORM_MAX_BYTES);
  return body.ok ? new TextDecoder().decode(body.bytes) : undefined;
}

/**
 * The boundary of a multipart Content-Type as browsers and fetch send it: that one parameter and
 * nothing else. Anything fancier is refused rather than read two ways: with
 * `x="a;boundary=zzz"; boundary=b` a simple reading counted the parts on "zzz" (none) while the
 * platform's parser split 400,000 on "b".
 */
const SOLE_BOUNDARY = /^multipart\/form-data;[ \t]*boundary=(?:"([^"\\]{1,70})"|([0-9A-Za-z'()+_,./:=?-]{1,70}))$/i;

/** Whether a multipart body has at most `most` parts, counted on its boundary lines before any parsing. */
function partsWithin(bytes: Uint8Array<ArrayBuffer>, delimiter: string, most: number): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const line = Buffer.from(`--${delimiter}`, "latin1");
  let count = 0;
  for (let at = buffer.indexOf(line); at !== -1; at = buffer.indexOf(line, at + line.length)) {
    // The closing delimiter is counted too: one more than the parts.
    if (++count > most + 1) return false;
  }
  return true;
}
