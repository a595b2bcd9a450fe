import "@/server/server-only";
import type { AccountEvent } from "./account-event-store";
import { database } from "./client";
import { FAILURE_STREAK_UPSERT, WINDOW_HIT_UPSERT } from "./rate-limit-store";
import { SIGN_IN_LOCKED_EMAIL } from "../auth/tell-owner";

/**
 * What a refused password step writes: a count, and the refusal in the account's trail when the
 * typed address has an account, in one statement that runs the same whether it has one or not.
 *
 * Why one statement: the time of a refusal must not tell whether an address has an account. With
 * the trail's row written by a statement of its own, only a real account's refusal wrote and
 * committed one more row; once an address was made to wait (answered without the argon2 check),
 * a real account's refusal took 1.45 ms against 0.87 ms for an unknown address, a ratio of 1.67
 * over 300 pairs (`npm run bench -- sign-in`). Now both run one statement that writes a row and
 * commits; the trail's row is one more row in the same commit for a real account, none for an
 * unknown address (the INSERT ... SELECT ... WHERE its account is not null).
 */
const THE_EVENT = `INSERT INTO account_event (account_id, at, kind, address, user_agent, detail)
     SELECT $4::uuid, $2::timestamptz, $5, $6, $7, $8`;

/** The trail's event of a refusal; its time is the attempt's. */
export type RefusalEvent = Omit<AccountEvent, "at">;

function eventParams(event: RefusalEvent | null): unknown[] {
  return [event?.accountId ?? null, event?.kind ?? null, event?.address ?? null, event?.userAgent?.slice(0, 300) ?? null, event?.detail ?? null];
}

/** One failure of the streak `key` (throttle-policy.ts's delays) and, for a real account, its event. */
export async function recordFailureStreakAndEvent(key: string, forgetMs: number, now: Date, event: RefusalEvent | null): Promise<void> {
  const { sql } = await database();
  // A data-modifying WITH runs whether or not the INSERT below reads it (PostgreSQL's rule).
  await sql.query(`WITH counted AS (${FAILURE_STREAK_UPSERT} RETURNING 1) ${THE_EVENT} WHERE $4::uuid IS NOT NULL`, [
    key,
    now.toISOString(),
    new Date(now.getTime() - forgetMs).toISOString(),
    ...eventParams(event),
  ]);
}

/**
 * One attempt refused without a check, counted in `key`'s window, and, for a real account, its
 * event when it is the window's first refusal. One row in the owner's trail per window, not one
 * per attempt: refused attempts cost a stranger nothing and have no cap, so a row each would
 * let anyone fill someone's trail. Past the window's first, a real account's refusal and an
 * unknown address's run the very same statement and write the same row.
 */
export async function recordRefusalAndEvent(key: string, windowMs: number, now: Date, event: RefusalEvent | null): Promise<void> {
  const { sql } = await database();
  await sql.query(
    `WITH counted AS (${WINDOW_HIT_UPSERT} RETURNING count), told AS (${TELL_OWNER}) ${THE_EVENT} FROM counted WHERE $4::uuid IS NOT NULL AND counted.count = 1`,
    [key, now.toISOString(), new Date(now.getTime() - windowMs).toISOString(), ...eventParams(event), ...lockedMailParams(now)],
  );
}

/**
 * With the window's first refusal of a real account, the e-mail that tells its owner
 * (tell-owner.ts): she was told nothing, and learnt of it only if she opened « Connexions
 * récentes ». In the same statement as the count and the trail's row, so that it costs the
 * answer of an address without an account the same (see above), and exists only with them. At
 * most one a day for an account (its dedupe key): a stranger who tries again every quarter hour
 * starts a new window each time, and must not fill her mailbox with them. A data-modifying WITH
 * runs even though nothing reads it (PostgreSQL's rule).
 */
const TELL_OWNER = `INSERT INTO email_outbox (id, dedupe_key, kind, recipient, subject, text_body)
     SELECT gen_random_uuid(), $11::text || ':' || a.id::text || ':' || $12::text, $9, a.email, $10, $13
     FROM counted JOIN account a ON a.id = $4::uuid WHERE counted.count = 1
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1`;

function lockedMailParams(now: Date): unknown[] {
  const day = now.toISOString().slice(0, 10);
  return [SIGN_IN_LOCKED_EMAIL.kind, SIGN_IN_LOCKED_EMAIL.subject, "sign-in-locked", day, SIGN_IN_LOCKED_EMAIL.text];
}
