import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byteaCodec } from "../../../src/server/db/pglite-bytea";

/**
 * PGlite with the portal's bytea codec (src/server/db/pglite-bytea.ts), always in-process
 * whatever TEST_DATABASE_URL says: what PostgreSQL stores is checked with its own functions
 * (length, sha256), so a codec that agreed only with itself would fail.
 */
describe("PGlite's bytea values, written and read with Node's hex codec", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite({ ...byteaCodec });
    await db.exec("CREATE TABLE blob (id int PRIMARY KEY, data bytea)");
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  let next = 0;
  async function roundTrip(bytes: Uint8Array) {
    const id = ++next;
    await db.query("INSERT INTO blob (id, data) VALUES ($1, $2)", [id, bytes]);
    const { rows } = await db.query<{ data: Uint8Array; length: number; sha: string }>(
      "SELECT data, length(data) AS length, encode(sha256(data), 'hex') AS sha FROM blob WHERE id = $1",
      [id],
    );
    return rows[0]!;
  }

  it("stores any bytes as PostgreSQL sees them and gives the same bytes back", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const row = await roundTrip(bytes);
        expect(row.length).toBe(bytes.length);
        expect(row.sha).toBe(createHash("sha256").update(bytes).digest("hex"));
        expect(Buffer.compare(Buffer.from(row.data), Buffer.from(bytes))).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it("takes a view into a larger buffer for just its own bytes", async () => {
    const whole = randomBytes(64);
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 10, 20);
    const row = await roundTrip(view);
    expect(row.length).toBe(20);
    expect(Buffer.from(row.data).equals(whole.subarray(10, 30))).toBe(true);
  });

  it("carries a file at the upload limit (20 MB) whole", async () => {
    const bytes = randomBytes(20 * 1024 * 1024);
    const row = await roundTrip(bytes);
    expect(row.length).toBe(bytes.length);
    expect(row.sha).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(Buffer.from(row.data).equals(bytes)).toBe(true);
  }, 120_000);

  it("refuses what is not bytes, as PGlite's own serializer does", async () => {
    await expect(db.query("INSERT INTO blob (id, data) VALUES ($1, $2)", [++next, "not bytes"])).rejects.toThrow(/bytea/);
  });
});
