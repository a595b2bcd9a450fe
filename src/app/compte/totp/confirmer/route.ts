import { accountFormPost, field } from "@/server/accounts/account-route";
import { confirmTotpEnrolment } from "@/server/accounts/confirm-totp";

/** "Mon compte": the new TOTP app's first code; it then replaces the old app (lost phone). */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) =>
    (await confirmTotpEnrolment(session.account.id, field(form, "code", 16), now, { ...trail, sessionId: session.sessionId })) ? "ok=totp" : "erreur=totp&totp=nouveau#totp",
  );
}
