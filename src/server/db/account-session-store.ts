import "@/server/server-only";
import { originColumns, type SessionOrigin } from "../auth/session-origin";
import { database } from "./client";
import type { Queryable } from "./queryable";

/**
 * The sessions of one account as its owner manages them (« Mon compte », account-sessions.ts;
 * removing a way in, close-sessions-opened-with.ts): listing them, ending one, all but the
 * current one, or those a passkey or an identity opened. A request's own session (reading it,
 * touching it, its space) is session-store.ts's.
 */

/** Ends every session of the account, but `exceptId` when given (the session asking). */
export async function revokeAccountSessions(accountId: string, now: Date, exceptId?: string): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({
    where: { accountId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: now },
  });
}

export type AccountSessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  address: string | null;
  /** What opened it (session-origin.ts's columns); null before that was recorded. */
  openedWith: string | null;
  openedWithRef: string | null;
};

/** The account's sessions not ended by hand or by a security change (timeouts are judged by the caller). */
export async function listAccountSessions(accountId: string): Promise<AccountSessionRow[]> {
  const { sql } = await database();
  const rows = await sql.query<{
    id: string; created_at: Date | string; last_seen_at: Date | string; user_agent: string | null; address: string | null; opened_with: string | null; opened_with_ref: string | null;
  }>(
    `SELECT s.id, s.created_at, s.last_seen_at, s.user_agent, s.address, s.opened_with, s.opened_with_ref
       FROM auth_session s JOIN account a ON a.id = s.account_id
      WHERE s.account_id = $1 AND s.revoked_at IS NULL AND s.security_stamp = a.security_stamp
      ORDER BY s.last_seen_at DESC LIMIT 100`,
    [accountId],
  );
  return rows.map((row) => ({
    id: row.id,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    userAgent: row.user_agent,
    address: row.address,
    openedWith: row.opened_with,
    openedWithRef: row.opened_with_ref,
  }));
}

/**
 * Ends every session of this account that `origin` opened (a passkey, an identity), but
 * `exceptId` (the session removing it). Returns the sessions ended that still counted as signed
 * in (security stamp current; timeouts are judged by the caller), so the owner is told of those only.
 */
export async function revokeSessionsOpenedWith(
  accountId: string,
  origin: Exclude<SessionOrigin, { method: "password" }>,
  now: Date,
  exceptId: string,
  db?: Queryable,
): Promise<{ createdAt: Date; lastSeenAt: Date }[]> {
  const sql = db ?? (await database()).sql;
  const { openedWith, openedWithRef } = originColumns(origin);
  const rows = await sql.query<{ created_at: Date | string; last_seen_at: Date | string; live: boolean }>(
    `UPDATE auth_session s SET revoked_at = $5::timestamptz
       FROM account a
      WHERE a.id = s.account_id AND s.account_id = $1::uuid AND s.opened_with = $2 AND s.opened_with_ref = $3 AND s.id <> $4 AND s.revoked_at IS NULL
      RETURNING s.created_at, s.last_seen_at, s.security_stamp = a.security_stamp AS live`,
    [accountId, openedWith, openedWithRef, exceptId, now.toISOString()],
  );
  return rows
    .filter((row) => row.live)
    .map((row) => ({ createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at) }));
}

/** Ends one session of this account only (an id from another account changes nothing). */
export async function revokeAccountSession(accountId: string, id: string, now: Date): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.authSession.updateMany({ where: { id, accountId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}
