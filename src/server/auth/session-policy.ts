/**
 * When a server session stops counting as signed in. Pure, so timeouts are tested with an
 * injected clock. The cookie's own expiry is only a convenience: these checks are what holds.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so most requests stay reads. */
export const TOUCH_EVERY_MS = 60 * 1000;
/**
 * How long after this session's sign-in proved the second factor with a code (of the app, or a
 * recovery code) replacing the authenticator app asks for no code again (confirm-totp.ts). Ten
 * minutes: someone who came in with a recovery code after losing their phone is sent straight to
 * the new app's QR code, and scanning it with a newly installed app takes a few minutes; a third
 * of the idle timeout, so a computer left signed in, or a cookie stolen later, finds it closed.
 * Past it, a code is asked as before, so a slow person is asked, never locked out.
 */
export const RECENT_SECOND_FACTOR_MS = 10 * 60 * 1000;

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
  return timeoutOf(session, now);
}

/**
 * Whether a session neither revoked nor outdated by its account (the rows « Mon compte » lists,
 * the sessions a removed passkey ends) has timed out, and how.
 */
export function timeoutOf(session: Pick<SessionFacts, "createdAt" | "lastSeenAt">, now: Date): "expired" | "idle" | undefined {
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return "idle";
  return undefined;
}

/** Whether the sign-in's proof of the second factor (secondFactorAt) is recent enough to count again. */
export function secondFactorIsRecent(secondFactorAt: Date | null, now: Date): boolean {
  if (!secondFactorAt) return false;
  const age = now.getTime() - secondFactorAt.getTime();
  return age >= 0 && age <= RECENT_SECOND_FACTOR_MS;
}
