/**
 * When a server session stops counting as signed in. Pure, so timeouts are tested with an
 * injected clock. The cookie's own expiry is only a convenience: these checks are what holds.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so most requests stay reads. */
export const TOUCH_EVERY_MS = 60 * 1000;

export type SessionFacts = {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  securityStamp: number;
  account: { disabled: boolean; securityStamp: number };
};

export type SessionProblem = "revoked" | "disabled" | "stamp-changed" | "idle" | "expired";

export function sessionProblem(session: SessionFacts, now: Date): SessionProblem | undefined {
  if (session.revokedAt) return "revoked";
  if (session.account.disabled) return "disabled";
  // Password change, second-factor reset or disable bumped the account's stamp after sign-in.
  if (session.securityStamp !== session.account.securityStamp) return "stamp-changed";
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return "idle";
  return undefined;
}
