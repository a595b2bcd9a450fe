import { resetPassword } from "@/server/accounts/reset-password";
import { keptWaysCookie } from "@/server/accounts/reset-kept-ways";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { seeOther } from "@/server/http/see-other";
import { readPlainForm } from "@/server/http/read-capped-body";

const text = (form: FormData | undefined, name: string, max: number) => {
  const value = form?.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

/**
 * The reset form: new password, second factor, the link's secret. Then back to sign-in, which
 * says how many passkeys and linked identities the account still has (reset-kept-ways.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = await readPlainForm(request);
  const token = text(form, "token", 64);
  const result = await resetPassword({
    token,
    // One character over the limit is kept, so that resetPassword refuses a password too long
    // (« longueur ») rather than storing its first 256 characters, which the person never typed alone.
    newPassword: text(form, "newPassword", PASSWORD_MAX_LENGTH + 1),
    code: text(form, "code", 32),
    now: new Date(),
    address: clientAddress(request.headers),
    userAgent: userAgentOf(request.headers),
  });
  if (result.ok) {
    const done = seeOther("/connexion?erreur=reinitialise");
    done.headers.append("Set-Cookie", keptWaysCookie(result.kept));
    return done;
  }
  // Her space is closed: the sign-in page says so and how to reopen it, as after her password.
  if (result.reason === "closed") return seeOther("/connexion?erreur=espace-clos");
  const reason = { link: "lien", factor: "facteur", length: "longueur", weak: "faible" }[result.reason];
  // The token goes back only to the same page of our own site, where it came from.
  return seeOther(`/connexion/reinitialiser?jeton=${encodeURIComponent(token)}&erreur=${reason}`);
}
