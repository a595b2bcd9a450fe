import "@/server/server-only";
import { database } from "./client";
import type { Queryable } from "./queryable";

/** Browsers an account has completed a sign-in from (see auth/device-cookie.ts). */
export async function isKnownDevice(accountId: string, deviceHash: string, db?: Queryable): Promise<boolean> {
  const q = db ?? (await database()).sql;
  const rows = await q.query("SELECT 1 FROM known_device WHERE account_id = $1 AND device_hash = $2", [accountId, deviceHash]);
  return rows.length > 0;
}

export async function rememberDevice(accountId: string, deviceHash: string, now: Date): Promise<void> {
  const { sql } = await database();
  await sql.query(
    `INSERT INTO known_device (account_id, device_hash, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (account_id, device_hash) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
    [accountId, deviceHash, now.toISOString()],
  );
}
