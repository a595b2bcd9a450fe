import "server-only";
import type { AccountSummary } from "../db/account-store";
import { createSession, revokeSession } from "../db/session-store";

/**
 * Opens a new server session for an account that has just proven who it is (password and
 * code, or the OpenID Connect provider). Always a new id (no session fixation); the session the
 * browser held before, if any, is ended.
 */
export async function openSession(input: {
  account: AccountSummary;
  now: Date;
  userAgent: string | null;
  /** The client's address at sign-in, shown to the owner among their sessions. */
  address?: string;
  previousSessionId?: string;
}): Promise<string> {
  if (input.previousSessionId) await revokeSession(input.previousSessionId, input.now);
  return createSession({
    accountId: input.account.id,
    securityStamp: input.account.securityStamp,
    // A patient starts in their own space; a professional has none.
    activeSpace: input.account.kind === "patient" ? input.account.fhirRef : null,
    userAgent: input.userAgent,
    address: input.address ?? null,
    now: input.now,
  });
}
