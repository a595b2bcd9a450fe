import "@/server/server-only";
import { MAX_UPLOAD_BYTES } from "../documents/upload-policy";
import { env } from "../env";
import { formOfHead, readCappedBody } from "./read-capped-body";
import { uploadReceiving } from "./upload-receiving";
import { uploadTurns, UploadsBusy } from "./upload-turns";

/** A 20 MB file and a few fields, with room for the multipart envelope. */
export const UPLOAD_BODY_MAX_BYTES = MAX_UPLOAD_BYTES + 512 * 1024;

/**
 * The start of a body refused unread that holds the fields sent before the file: a message's
 * subject and text of 5,000 characters, even of four-byte characters, or a document's title,
 * kind and date, with the ids and the multipart envelope.
 */
export const FIELDS_HEAD_BYTES = 64 * 1024;

/** Why a body was refused before it was read as a form. */
export type UnreadRefusal = "too-large" | "busy" | "unreadable";

/**
 * A form post that may carry a file (a document, a message's attachment): read whole within the
 * cap and the process's budget of bodies held (upload-receiving.ts) before a turn is taken
 * (upload-turns.ts), so that a client that sends slowly holds none; then `read` in its turn.
 * A body refused unread (too large, or the server busy: its budget, or no turn in time) goes to
 * `refused` with the fields sent before the file, read from the body's first bytes only
 * (formOfHead), never the file nor the body parsed whole under load: browsers send the parts in
 * the form's order, so a form whose file comes last gets back what was typed (message-post.ts,
 * the documents' upload route).
 */
export async function receiveUpload<T>(
  request: Request,
  refused: (reason: UnreadRefusal, fieldsBefore: FormData | undefined) => T | Promise<T>,
  read: (bytes: Uint8Array<ArrayBuffer>) => Promise<T>,
): Promise<T> {
  const contentType = request.headers.get("content-type");
  const fieldsOf = async (head: Uint8Array<ArrayBuffer> | undefined) => (head ? formOfHead(head, contentType) : undefined);
  const lease = uploadReceiving(env().UPLOADS_AT_ONCE, UPLOAD_BODY_MAX_BYTES).lease();
  try {
    const body = await readCappedBody(request, UPLOAD_BODY_MAX_BYTES, FIELDS_HEAD_BYTES, lease);
    if (!body.ok) return await refused(body.reason, body.reason === "unreadable" ? undefined : await fieldsOf(body.head));
    try {
      // A small body (a message without a file) never waits for a turn (upload-turns.ts).
      return await uploadTurns(env().UPLOADS_AT_ONCE, env().UPLOAD_TURN_WAIT_SECONDS).run(body.bytes.length, () => read(body.bytes));
    } catch (error) {
      // No turn came in time: nothing was done; the fields come back from the body's start, not from parsing it whole.
      if (error instanceof UploadsBusy) return await refused("busy", await fieldsOf(body.bytes.subarray(0, FIELDS_HEAD_BYTES)));
      throw error;
    }
  } finally {
    lease.release();
  }
}
