/**
 * How PGlite turns bytea values into text and back, replacing its own: PGlite 0.5 writes a
 * Uint8Array as hex through `Array.from(bytes).map(…).join("")` (one string per byte) and reads
 * it back with one parseInt per byte. For a 20 MB upload that took 7–10 s of the server's only
 * thread and over 1 GB of memory (issue 16, measured with the upload memory probe); Node's
 * own hex codec does the same in milliseconds. Same text format ("\x" then hex), so PostgreSQL
 * and the Prisma adapter see no difference.
 */
export const BYTEA_OID = 17;

export function serializeBytea(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error("Invalid input for bytea type");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

export function parseBytea(text: string): Uint8Array {
  // PostgreSQL's default bytea_output is hex ("\x…"); the view of Node's buffer is a Uint8Array.
  return Buffer.from(text.slice(2), "hex");
}

export const byteaCodec = { serializers: { [BYTEA_OID]: serializeBytea }, parsers: { [BYTEA_OID]: parseBytea } };
