import { accountFormPost, field } from "@/server/accounts/account-route";
import { confirmTotpEnrolment } from "@/server/accounts/confirm-totp";

const TOTP_ERRORS = { code: "totp", factor: "totp-facteur", "factor-missing": "totp-facteur-manquant" } as const;

/**
 * "Mon compte": the new TOTP app's first code, with the current factor (a code of the old app, or
 * a recovery code after a lost phone); it then replaces the old app.
 */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const result = await confirmTotpEnrolment(session.account.id, field(form, "code", 16), now, {
      ...trail,
      sessionId: session.sessionId,
      currentFactor: field(form, "currentCode", 32),
    });
    if (result.ok) return "ok=totp";
    return `erreur=${TOTP_ERRORS[result.reason]}&totp=nouveau#totp`;
  });
}
