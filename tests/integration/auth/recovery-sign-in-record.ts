import { database } from "@/server/db/client";

/**
 * What a sign-in with a recovery code leaves on the server (complete-sign-in.ts), for a session a
 * test opened directly: the session's proof of the second factor, at the instant of the account's
 * « recovery-code-used » event. The sign-in itself, over its two steps, is totp-replace.test.ts's.
 */
export async function cameInWithRecoveryCode(signedIn: { accountId: string; sessionId: string }): Promise<void> {
  const { sql } = await database();
  const at = new Date().toISOString();
  await sql.query("UPDATE auth_session SET second_factor_at = $2::timestamptz WHERE id = $1", [signedIn.sessionId, at]);
  await sql.query("INSERT INTO account_event (account_id, at, kind) VALUES ($1::uuid, $2::timestamptz, 'recovery-code-used')", [signedIn.accountId, at]);
}
