import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as passwordPost } from "@/app/(auth)/connexion/mot-de-passe/route";
import * as signInPage from "@/pages/connexion/index";
import * as activationPage from "@/pages/activer/index";
import { POST as activationPost } from "@/app/(auth)/activer/etape/code/route";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { servePage } from "../pages/pages-route";
import { appUrl } from "../fhir-api/http";
import { anAddress } from "./helpers";

useTestDatabase();

/**
 * The sign-in form's address, kept after a refusal in a sealed cookie (typed-before-session.ts),
 * is given back for five minutes: the cookie's Max-Age said so to the browser, but the sealed
 * value carried no time, so whoever copied it (a shared computer's cookie store, a proxy's log of
 * Cookie headers) had the portal open it and print the address days later, on any browser.
 */
afterEach(() => vi.useRealTimers());

async function refusedSignIn(email: string): Promise<string> {
  const request = new Request(`${appUrl()}/connexion/mot-de-passe`, {
    method: "POST",
    headers: { origin: appUrl(), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": anAddress() },
    body: new URLSearchParams({ email, password: "pas le bon" }),
  });
  const answer = await inRequestScope(request, () => passwordPost(request));
  expect(answer.headers.get("location")).toContain("erreur=identifiants");
  const setCookie = answer.headers.getSetCookie().find((header) => header.includes("connexion-saisie="));
  return setCookie!.split(";")[0]!;
}

describe("the sign-in form's kept address", () => {
  it("is given back on the page that follows the refusal", async () => {
    const cookie = await refusedSignIn("rose.valet@example.org");
    const page = await servePage(signInPage, "/connexion?erreur=identifiants", { cookie });
    expect(page.html).toContain("rose.valet@example.org");
  });

  it("is not, from a copy of its cookie replayed past its five minutes", async () => {
    const cookie = await refusedSignIn("ines.copie@example.org");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 6 * 60 * 1000);
    const page = await servePage(signInPage, "/connexion?erreur=identifiants", { cookie });
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("ines.copie@example.org");
  });
});

describe("the activation form's kept code and birth date", () => {
  async function refusedActivation(code: string): Promise<string> {
    const request = new Request(`${appUrl()}/activer/etape/code`, {
      method: "POST",
      headers: { origin: appUrl(), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": anAddress() },
      body: new URLSearchParams({ code, birthDate: "1984-03-02" }),
    });
    const answer = await inRequestScope(request, () => activationPost(request));
    expect(answer.headers.get("location")).toBe("/activer?erreur=1");
    return answer.headers.getSetCookie().find((header) => header.includes("activation-saisie="))!.split(";")[0]!;
  }

  it("are given back once after a refused code, and taken, not shown, after a spent or expired one", async () => {
    const cookie = await refusedActivation("ABCD-EFGH-JKLM");
    const shown = await servePage(activationPage, "/activer?erreur=1", { cookie });
    expect(shown.html).toContain("ABCD-EFGH-JKLM");
    expect(shown.setCookies?.some((header) => header.startsWith("espace-sante.activation-saisie=;") && /Max-Age=0/.test(header))).toBe(true);
    for (const erreur of ["utilise", "expire"]) {
      const taken = await servePage(activationPage, `/activer?erreur=${erreur}`, { cookie });
      expect(taken.html).not.toContain("ABCD-EFGH-JKLM");
      expect(taken.setCookies?.some((header) => header.startsWith("espace-sante.activation-saisie=;") && /Max-Age=0/.test(header)), erreur).toBe(true);
    }
  });
});
