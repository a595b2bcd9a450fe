import "@/server/server-only";
import { database } from "./client";
import type { Queryable } from "./queryable";

/** The account's WebAuthn credentials (passkeys). */
export type StoredPasskey = {
  credentialId: string;
  accountId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export async function countPasskeys(accountId: string): Promise<number> {
  const { prisma } = await database();
  return prisma.passkey.count({ where: { accountId } });
}

export async function listPasskeys(accountId: string): Promise<StoredPasskey[]> {
  const { prisma } = await database();
  const rows = await prisma.passkey.findMany({ where: { accountId }, orderBy: { createdAt: "asc" } });
  return rows.map(toPasskey);
}

export async function findPasskey(credentialId: string): Promise<StoredPasskey | undefined> {
  const { prisma } = await database();
  const row = await prisma.passkey.findUnique({ where: { credentialId } });
  return row ? toPasskey(row) : undefined;
}

/**
 * Takes the caller's transaction (`db`), so that the owner's notice of it commits with it
 * (account-change-notice.ts). The key goes as hex text, decoded by PostgreSQL: the same on a
 * server and in PGlite, whichever driver carries the statement.
 */
export async function addPasskey(input: { credentialId: string; accountId: string; publicKey: Uint8Array; counter: number; transports: string[]; name: string; now: Date }, db?: Queryable): Promise<void> {
  const q = db ?? (await database()).sql;
  await q.query(
    `INSERT INTO passkey (credential_id, account_id, public_key, counter, transports, name, created_at)
     VALUES ($1, $2::uuid, decode($3, 'hex'), $4::bigint, $5, $6, $7::timestamptz) RETURNING credential_id`,
    [input.credentialId, input.accountId, Buffer.from(input.publicKey).toString("hex"), String(input.counter), input.transports.join(",") || null, input.name, input.now.toISOString()],
  );
}

/**
 * Records a successful assertion. The counter must move forward when the authenticator keeps
 * one (a clone or a replay shows an old counter); the condition is in the UPDATE, so two
 * requests with the same assertion cannot both pass.
 */
export async function recordPasskeyUse(credentialId: string, previousCounter: number, newCounter: number, now: Date): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.passkey.updateMany({
    where: { credentialId, counter: BigInt(previousCounter) },
    data: { counter: BigInt(newCounter), lastUsedAt: now },
  });
  return count === 1;
}

/** In the caller's transaction when given one (`db`), with the owner's notice of it. */
export async function removePasskey(accountId: string, credentialId: string, db?: Queryable): Promise<boolean> {
  const q = db ?? (await database()).sql;
  const rows = await q.query("DELETE FROM passkey WHERE account_id = $1::uuid AND credential_id = $2 RETURNING credential_id", [accountId, credentialId]);
  return rows.length === 1;
}

function toPasskey(row: { credentialId: string; accountId: string; publicKey: Uint8Array; counter: bigint; transports: string | null; name: string; createdAt: Date; lastUsedAt: Date | null }): StoredPasskey {
  return {
    credentialId: row.credentialId,
    accountId: row.accountId,
    publicKey: new Uint8Array(row.publicKey),
    counter: Number(row.counter),
    transports: row.transports ? row.transports.split(",") : [],
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}
