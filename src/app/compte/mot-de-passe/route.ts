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
    if (result.ok) return "ok=mot-de-passe";
    return result.reason === "weak" ? "erreur=mot-de-passe-faible" : result.reason === "length" ? "erreur=mot-de-passe-longueur" : "erreur=mot-de-passe";
  });
}
