import { describe, expect, it } from "vitest";
import * as recoveryPage from "@/pages/connexion/secours";
import * as codePage from "@/pages/connexion/code";
import { newCsrfToken } from "@/server/auth/csrf-token";
import { currentAuthCookies } from "@/server/auth/session-token";
import { startSignIn } from "@/server/auth/start-sign-in";
import { env } from "@/server/env";
import { secrets } from "@/server/secrets";
import { anAccount, anAddress, PASSWORD } from "../auth/helpers";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * /connexion/secours for the person who has neither her phone nor her recovery codes: the page
 * tells her the assistance is the way back (recover-account.ts), how to reach it, what it will
 * ask, and that the new code never comes by telephone, whether or not a sign-in waits in this
 * browser (she may arrive from the code page's link, or come back later).
 */
const text = (html: string) => html.replaceAll("&#x27;", "'").replaceAll("&quot;", '"');

async function browserWithSignInWaiting(): Promise<string> {
  const account = await anAccount();
  const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: new Date() });
  if (!started.ok) throw new Error("password refused");
  const names = currentAuthCookies();
  const { cookieValue } = newCsrfToken(secrets().authSecret);
  return `${names.challenge.name}=${started.challengeId}; ${names.csrfToken.name}=${encodeURIComponent(cookieValue)}`;
}

describe("the recovery-code page's help when the codes are lost too", () => {
  it("names the assistance and its contact, what it asks, and how the account opens again, with or without a sign-in waiting", async () => {
    for (const cookie of [undefined, await browserWithSignInWaiting()]) {
      const answer = await servePage(recoveryPage, "/connexion/secours", { cookie });
      expect(answer.status).toBe(200);
      const html = text(answer.html!);
      // The form is there only for the browser with a sign-in waiting; the help in both.
      expect(html.includes('name="kind" value="recovery"')).toBe(cookie !== undefined);
      expect(html).toContain("Ni téléphone, ni codes de secours ?");
      expect(html).toContain(`Contactez l'assistance : ${env().ASSISTANCE_CONTACT}.`);
      expect(html).toContain("une pièce d'identité");
      expect(html).toContain("Elle ne vous demandera jamais votre mot de passe ni un code.");
      expect(html).toContain("jamais par téléphone");
      expect(html).toContain("« Activer mon compte »");
    }
  });

  it("is the recovery page's only: the app's code page keeps its link to it", async () => {
    const html = text((await servePage(codePage, "/connexion/code", { cookie: await browserWithSignInWaiting() })).html!);
    expect(html).not.toContain("Ni téléphone, ni codes de secours ?");
    expect(html).toContain('href="/connexion/secours"');
  });
});
