import "@/server/server-only";
import { checkTotp } from "../auth/totp";
import { accountForEnrolment, confirmPendingTotp } from "../db/account-enrolment-store";
import { recordAccountEvent } from "../db/account-event-store";
import { inAccountTransaction } from "../db/account-store";
import { adoptSecurityStamp } from "../db/session-store";
import { changeEmailLines } from "../notifications/account-change-notice";
import { notify } from "../notifications/notify";
import { currentFactorProven } from "./current-factor-proven";

/**
 * Enrols the TOTP app the person has just scanned: the first code it shows proves the secret
 * arrived, and only then does it replace any earlier app (activation, or "Mon compte" after a
 * lost phone). The code's step is spent at once.
 *
 * On an account already activated, an open session is not enough (a computer left signed in,
 * a stolen cookie): the current factor is asked again, as for the password or the e-mail
 * address (a code of the current app, or a recovery code). It is checked after the new app's
 * code, so that a mistyped new code does not spend a recovery code. The owner is then told.
 *
 * Unless this very session proved that factor at sign-in within the last minutes
 * (RECENT_SECOND_FACTOR_MS): someone who has just come in with a recovery code after losing
 * their phone has no app to give a code of, and asking another recovery code would spend it for
 * nothing. Only the server's session row says so (`sessionId`, from the session the request was
 * checked against; nothing in the form), and that proof serves one replacement.
 */
/** `factor-missing`: no current factor was typed (the window had passed while the form was open): nothing counted against the cap. */
export type TotpEnrolmentResult = { ok: true } | { ok: false; reason: "code" | "factor" | "factor-missing" };

export async function confirmTotpEnrolment(
  accountId: string,
  code: string,
  now: Date,
  trail: { address?: string; userAgent?: string | null; sessionId?: string; currentFactor?: string } = {},
): Promise<TotpEnrolmentResult> {
  const account = await accountForEnrolment(accountId);
  if (!account?.pendingTotpSecret) return { ok: false, reason: "code" };
  const check = checkTotp({ secretBase32: account.pendingTotpSecret, token: code, now, lastUsedStep: 0 });
  if (!check.ok) return { ok: false, reason: "code" };
  const proof = { address: trail.address, userAgent: trail.userAgent };
  if (account.activatedAt) {
    const proven = await currentFactorProven(accountId, now, "totp-replace", trail);
    if (proven !== true) return { ok: false, reason: proven };
  }
  const stamp = await confirmPendingTotp(accountId, account.pendingTotpSecret, check.step);
  // Other sessions end with the old app; the one that made the change stays.
  if (trail.sessionId) await adoptSecurityStamp(trail.sessionId, accountId, stamp);
  if (account.activatedAt) {
    const kind = account.kind === "patient" ? "patient" : "practitioner";
    await inAccountTransaction(async (db) => {
      await recordAccountEvent({ accountId, kind: "totp-replaced", at: now, ...proof }, db);
      await notify(db, {
        accountId,
        kind: "second-factor-replaced",
        link: `${kind === "patient" ? "/espace/compte" : "/pro/compte"}#totp`,
        dedupeKey: `second-factor-replaced:${accountId}:${stamp}`,
        // What changed, when, and what to do: « Connectez-vous pour la lire » alone is a door her old app no longer opens.
        emailLines: changeEmailLines(kind, "second-factor-replaced", now),
      });
    });
  }
  return { ok: true };
}
