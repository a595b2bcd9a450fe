import { accountFormPost } from "@/server/accounts/account-route";
import { newTotpSecret } from "@/server/auth/totp";
import { setPendingTotpSecret } from "@/server/db/account-enrolment-store";

/** "Mon compte": prepares a new TOTP secret; nothing changes until its first code confirms it. */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session }) => {
    await setPendingTotpSecret(session.account.id, newTotpSecret());
    return "totp=nouveau#totp";
  });
}
