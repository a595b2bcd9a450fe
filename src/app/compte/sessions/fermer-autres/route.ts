import { accountFormPost } from "@/server/accounts/account-route";
import { endOtherSessions } from "@/server/accounts/account-sessions";

/** "Mon compte": signs out every session but this one. */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, now, trail }) => {
    await endOtherSessions(session, now, trail);
    return "ok=autres";
  });
}
