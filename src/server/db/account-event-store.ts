import "@/server/server-only";
import { database } from "./client";
import type { Queryable } from "./queryable";

/**
 * The account's own trail (account_event, append-only for the app's role): every sign-in and
 * its failures, second-factor and password changes, sessions ended. The owner reads it on
 * "Mon compte" to see an attempt that was not theirs.
 *
 * A wrong password or code typed to confirm a change of the account (inside "Mon compte", or a
 * password reset) is not a sign-in attempt: it has kinds of its own ("account-password-failed",
 * "account-code-failed", with the change in `detail`), so the list of sign-ins never shows it.
 */
export type AccountEventKind =
  | "sign-in"
  | "password-failed"
  | "password-throttled"
  | "code-failed"
  | "account-password-failed"
  | "account-code-failed"
  | "second-factor-paused"
  | "recovery-code-used"
  | "recovery-code-failed"
  | "recovery-codes-regenerated"
  | "passkey-sign-in"
  | "passkey-failed"
  | "passkey-added"
  | "passkey-removed"
  | "totp-replaced"
  | "password-changed"
  | "password-reset-requested"
  | "password-reset"
  | "email-change-requested"
  | "email-changed"
  | "session-ended"
  | "other-sessions-ended"
  | "activation-started"
  | "activated"
  | "oidc-sign-in"
  | "oidc-linked"
  | "oidc-unlinked"
  // The assistance removed every way in, after checking the holder's identity (recover-account.ts).
  | "second-factors-removed"
  // The mailbox's holder let go of an opening begun at his address from an invitation (release-account-opening.ts).
  | "opening-released"
  // « Clôturer mon espace » (close-space.ts), and the assistance's reopening (reopen-space.ts).
  | "space-closed"
  | "space-reopened";

export type AccountEvent = {
  accountId: string;
  kind: AccountEventKind;
  at: Date;
  address?: string | null;
  userAgent?: string | null;
  detail?: string | null;
};

export async function recordAccountEvent(event: AccountEvent, db?: Queryable): Promise<void> {
  const q = db ?? (await database()).sql;
  await q.query(
    "INSERT INTO account_event (account_id, at, kind, address, user_agent, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    [event.accountId, event.at.toISOString(), event.kind, event.address ?? null, event.userAgent?.slice(0, 300) ?? null, event.detail ?? null],
  );
}

export type StoredAccountEvent = { at: Date; kind: string; address: string | null; userAgent: string | null; detail: string | null };

type EventRow = { at: Date | string; kind: string; address: string | null; user_agent: string | null; detail: string | null };

const toStored = (row: EventRow): StoredAccountEvent => ({ at: new Date(row.at), kind: row.kind, address: row.address, userAgent: row.user_agent, detail: row.detail });

/** The most recent events first, of the given kinds (all kinds when none given). */
export async function recentAccountEvents(accountId: string, limit: number, kinds?: readonly AccountEventKind[]): Promise<StoredAccountEvent[]> {
  const { sql } = await database();
  const rows = await sql.query<EventRow>(
    `SELECT at, kind, address, user_agent, detail FROM account_event
      WHERE account_id = $1 ${kinds ? "AND kind = ANY($3::text[])" : ""}
      ORDER BY at DESC, id DESC LIMIT $2`,
    kinds ? [accountId, limit, [...kinds]] : [accountId, limit],
  );
  return rows.map(toStored);
}

/**
 * Two lists of the most recent events at once, each of its own kinds, most recent first: « Mon
 * compte » shows the sign-ins and the changes apart. One statement rather than two (each list
 * still its own indexed scan, account_event_account_id_at_idx): the page was the slowest of the
 * bench at 50 connections (issue 16), with six statements where other pages have three.
 */
export async function recentAccountEventsOfTwoKinds(
  accountId: string,
  limit: number,
  first: readonly AccountEventKind[],
  second: readonly AccountEventKind[],
): Promise<[StoredAccountEvent[], StoredAccountEvent[]]> {
  const { sql } = await database();
  // UNION ALL promises no order of its own: the outer ORDER BY says it, the list first.
  const rows = await sql.query<EventRow & { list: number }>(
    `(SELECT 1 AS list, id, at, kind, address, user_agent, detail FROM account_event
       WHERE account_id = $1 AND kind = ANY($3::text[]) ORDER BY at DESC, id DESC LIMIT $2)
     UNION ALL
     (SELECT 2 AS list, id, at, kind, address, user_agent, detail FROM account_event
       WHERE account_id = $1 AND kind = ANY($4::text[]) ORDER BY at DESC, id DESC LIMIT $2)
     ORDER BY list, at DESC, id DESC`,
    [accountId, limit, [...first], [...second]],
  );
  return [rows.filter((row) => Number(row.list) === 1).map(toStored), rows.filter((row) => Number(row.list) === 2).map(toStored)];
}
