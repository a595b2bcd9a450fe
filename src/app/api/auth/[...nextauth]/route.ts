import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/auth-options";
import { nextAuthResponse } from "@/server/auth/next-auth-request";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { publicUrlOf } from "@/server/http/public-url";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's endpoints (the code step's Credentials callback, the optional OpenID Connect
 * flow, its CSRF and session endpoints). POSTs must come from our own pages, on top of
 * next-auth's own CSRF token. Its redirects go to the address the person used (see
 * next-auth-request.ts).
 */
async function handle(request: NextRequest, context: Context): Promise<Response> {
  if (request.method === "POST") {
    const refused = refuseCrossSite(request, env().APP_URL);
    if (refused) return refused;
  }
  const { nextauth } = await context.params;
  // An OpenID Connect callback's state: a link to the signed-in account needs the proof recorded with it.
  const oidcState = new URL(request.url).searchParams.get("state") ?? undefined;
  const response = await nextAuthResponse(request, nextauth ?? [], authOptions({ oidcState }), publicUrlOf(request.headers));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export { handle as GET, handle as POST };
