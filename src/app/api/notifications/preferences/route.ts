import { env } from "@/server/env";
import { getCurrentSession } from "@/server/auth/current-session";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { unauthorized } from "@/server/http/unauthorized";
import { saveMyPreferences } from "@/server/notifications/preferences";
import { preferencesPath } from "@/lib/notifications/preferences-path";
import { readPlainForm } from "@/server/http/read-capped-body";

/** POST: the preferences form. The account is the session's, never a field of the form. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const session = await getCurrentSession();
  if (!session) return unauthorized();
  const form = (await readPlainForm(request)) ?? new FormData();
  await saveMyPreferences(session.account, form);
  return seeOther(`${preferencesPath(session.account.kind)}?enregistre=1`);
}
