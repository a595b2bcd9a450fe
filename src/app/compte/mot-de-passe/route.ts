import { accountFormPost, field } from "@/server/accounts/account-route";
import { changePasswordConfirmed } from "@/server/accounts/change-password-confirmed";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password";

/** "Mon compte": a new password, with the current one and the second factor asked again. */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const result = await changePasswordConfirmed(session, {
      currentPassword: field(form, "currentPassword", PASSWORD_MAX_LENGTH),
      newPassword: field(form, "newPassword", PASSWORD_MAX_LENGTH),
      code: field(form, "code", 32),
      now,
      ...trail,
    });
    return result.ok ? "ok=mot-de-passe" : `erreur=${REFUSALS[result.reason]}`;
  });
}

/** Each refusal's code: the page marks the field it names (account-page-data.ts). */
const REFUSALS = { weak: "mot-de-passe-faible", length: "mot-de-passe-longueur", current: "mot-de-passe-actuel", code: "mot-de-passe-code", throttled: "mot-de-passe" } as const;
