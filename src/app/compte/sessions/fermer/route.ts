import { accountFormPost, field } from "@/server/accounts/account-route";
import { endSession } from "@/server/accounts/account-sessions";

/** "Mon compte": signs out one session of the account (named by its handle). */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) =>
    (await endSession(session, field(form, "session", 40), now, trail)) ? "ok=session" : "erreur=session",
  );
}
