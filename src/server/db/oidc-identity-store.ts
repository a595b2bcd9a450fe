import "@/server/server-only";
import { database } from "./client";
import type { Queryable } from "./queryable";

/** OpenID Connect identities bound to accounts, by the provider's issuer and subject. */
export async function accountIdForOidcIdentity(issuer: string, subject: string): Promise<string | undefined> {
  const { prisma } = await database();
  const row = await prisma.oidcIdentity.findUnique({ where: { issuer_subject: { issuer, subject } }, select: { accountId: true } });
  return row?.accountId;
}

/**
 * Binds the identity to the account; false when it is already bound (to this or another account).
 * In the caller's transaction when given one (`db`), with the owner's notice of it.
 */
export async function bindOidcIdentity(accountId: string, issuer: string, subject: string, now: Date, db?: Queryable): Promise<boolean> {
  const sql = db ?? (await database()).sql;
  const rows = await sql.query(
    "INSERT INTO oidc_identity (issuer, subject, account_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING issuer",
    [issuer, subject, accountId, now.toISOString()],
  );
  return rows.length === 1;
}

export type StoredOidcIdentity = { issuer: string; subject: string; createdAt: Date };

/**
 * The account's identities, oldest first, as « Mon compte » lists them. On the driver, not
 * Prisma: read on every view of the page, where Prisma's query interpreter cost more than the
 * statement (issue 16; account-second-factors.ts says the same).
 */
export async function listOidcIdentities(accountId: string): Promise<StoredOidcIdentity[]> {
  const { sql } = await database();
  const rows = await sql.query<{ issuer: string; subject: string; created_at: Date | string }>(
    "SELECT issuer, subject, created_at FROM oidc_identity WHERE account_id = $1::uuid ORDER BY created_at, issuer, subject",
    [accountId],
  );
  return rows.map((row) => ({ issuer: row.issuer, subject: row.subject, createdAt: new Date(row.created_at) }));
}

export async function countOidcIdentities(accountId: string): Promise<number> {
  const { prisma } = await database();
  return prisma.oidcIdentity.count({ where: { accountId } });
}

/**
 * Unbinds the identity from the account; false when it is not (or no longer) the account's. In
 * the caller's transaction when given one (`db`), with the owner's notice of it.
 */
export async function unbindOidcIdentity(accountId: string, issuer: string, subject: string, db?: Queryable): Promise<boolean> {
  const q = db ?? (await database()).sql;
  const rows = await q.query("DELETE FROM oidc_identity WHERE account_id = $1::uuid AND issuer = $2 AND subject = $3 RETURNING issuer", [accountId, issuer, subject]);
  return rows.length === 1;
}
