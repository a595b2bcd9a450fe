import "@/server/server-only";
import { inAccountTransaction, type AccountSummary } from "../db/account-store";
import { isKnownDevice } from "../db/known-device-store";
import { createSession, revokeSession } from "../db/session-store";
import { noteNewSignIn } from "../notifications/note-new-sign-in";
import { noteRecoverySignIn } from "../notifications/note-recovery-sign-in";
import { deviceHashOf } from "./device-cookie";
import { holdWayIn } from "./hold-way-in";
import type { SessionOrigin } from "./session-origin";

/**
 * Opens a new server session for an account that has just proven who it is (password and
 * code, a passkey, or the OpenID Connect provider). Always a new id (no session fixation); the
 * session the browser held before, if any, is ended.
 *
 * `browser`, on a sign-in by the person (code step, passkey): the genuine device id the browser
 * showed, if any (keep-device-cookie.ts). When the account has never completed a sign-in from
 * it, the owner is told, in the same transaction as the session: a session from a new browser
 * never exists without its notice and e-mail.
 */
export async function openSession(input: {
  account: AccountSummary;
  now: Date;
  userAgent: string | null;
  /** The client's address at sign-in, shown to the owner among their sessions. */
  address?: string;
  previousSessionId?: string;
  browser?: { deviceId: string | undefined };
  /** The sign-in's second factor was a recovery code: the owner is told, from a known browser too (note-recovery-sign-in.ts). */
  recoveryCode?: boolean;
  /**
   * When the sign-in proved the second factor (the code step: the app's code or a recovery
   * code; or a passkey, possession and the device's PIN or biometrics). Only the sign-in's own
   * use cases set it: it lets one change of « Mon compte » just after (replacing the
   * authenticator app, adding a passkey) ask for no other code (current-factor-proven.ts).
   */
  secondFactorAt?: Date;
  /**
   * The way in that opened it (session-origin.ts): removing that passkey or identity later
   * closes this session (close-sessions-opened-with.ts), and « Mon compte » says how it was opened.
   */
  openedWith: SessionOrigin;
}): Promise<string> {
  return inAccountTransaction(async (db) => {
    // Throws WayInRemoved, opening nothing, when the key or identity was removed meanwhile.
    await holdWayIn(db, input.account.id, input.openedWith);
    if (input.previousSessionId) await revokeSession(input.previousSessionId, input.now, db);
    const sessionId = await createSession(
      {
        accountId: input.account.id,
        securityStamp: input.account.securityStamp,
        // A patient starts in their own space; a professional has none.
        activeSpace: input.account.kind === "patient" ? input.account.fhirRef : null,
        userAgent: input.userAgent,
        address: input.address ?? null,
        now: input.now,
        secondFactorAt: input.secondFactorAt ?? null,
        openedWith: input.openedWith,
      },
      db,
    );
    const notice = { account: input.account, sessionId, userAgent: input.userAgent, now: input.now };
    // One notice: a recovery code's says the browser too, so it stands for a new browser's.
    if (input.recoveryCode) await noteRecoverySignIn(db, notice);
    else if (input.browser) {
      const { deviceId } = input.browser;
      const known = deviceId !== undefined && (await isKnownDevice(input.account.id, deviceHashOf(deviceId), db));
      if (!known) await noteNewSignIn(db, notice);
    }
    return sessionId;
  });
}
