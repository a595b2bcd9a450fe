import { authenticationOptions } from "@/server/auth/passkeys";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";

/** Passkey sign-in: request options with a fresh challenge (any passkey of this site). */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  return Response.json(await authenticationOptions(new Date()), { headers: { "cache-control": "no-store" } });
}
