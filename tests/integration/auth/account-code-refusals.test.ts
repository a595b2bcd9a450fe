import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as patientAccount from "@/pages/espace/compte";
import { POST as changeEmail } from "@/app/compte/adresse/route";
import { POST as newRecoveryCodes } from "@/app/compte/codes-secours/route";
import { POST as changePassword } from "@/app/compte/mot-de-passe/route";
import { POST as confirmTotp } from "@/app/compte/totp/confirmer/route";
import { POST as newTotp } from "@/app/compte/totp/nouveau/route";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { startSignIn } from "@/server/auth/start-sign-in";
import { SECOND_FACTOR_LIMITS } from "@/server/auth/throttle-policy";
import { totpCode } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress, PASSWORD } from "./helpers";
import { signedInBrowser } from "./signed-in-browser";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";

/**
 * A wrong password or code typed inside « Mon compte » to confirm a change (a new password, a new
 * address, new recovery codes, another authenticator app) is no sign-in attempt: the page's list
 * of sign-ins does not show it, its list of the account's changes does, as what it is. The codes
 * still count toward the one cap on second-factor codes that sign-in counts toward too.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    ...signInRoutes,
    "/compte/mot-de-passe": changePassword,
    "/compte/adresse": changeEmail,
    "/compte/codes-secours": newRecoveryCodes,
    "/compte/totp/nouveau": newTotp,
    "/compte/totp/confirmer": confirmTotp,
  });
});
afterAll(() => server.close());

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

const signedIn = (account: TestAccount): Promise<Browser> => signedInBrowser(server.base, account);

/** A sign-in whose code step is refused, as the owner (or someone else) could type it. */
async function failedSignIn(account: TestAccount): Promise<void> {
  const now = new Date();
  const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now });
  if (!started.ok) throw new Error("password step refused");
  expect(await completeSignIn({ challengeId: started.challengeId, code: "000000", now, userAgent: "vitest" })).toEqual({ ok: false, reason: "code" });
}

/** The two lists of « Mon compte », as its HTML shows them (each section up to the next). */
async function accountPageLists(browser: Browser): Promise<{ signIns: string; changes: string }> {
  const page = await servePage(patientAccount, "/espace/compte", { cookie: browser.cookieHeader() });
  const html = page.html!.replaceAll("&#x27;", "'");
  const section = (id: string) => html.slice(html.indexOf(`id="${id}"`)).split("</section>")[0]!;
  return { signIns: section("events-title"), changes: section("changes-title") };
}

const count = (text: string, words: string) => text.split(words).length - 1;

describe("a wrong recovery code typed at sign-in", () => {
  it("is listed among the sign-ins as a recovery code refused, not as a wrong code of the app", async () => {
    const account = await anAccount();
    const stranger = new Browser(server.base, anAddress());
    expect((await stranger.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD })).headers.get("location")).toBe("/connexion/code");
    expect((await stranger.post("/code", { code: "AAAAA-BBBBB", kind: "recovery" })).status).toBe(401);
    expect((await stranger.post("/code", { code: "000000", kind: "totp" })).status).toBe(401);

    const { signIns, changes } = await accountPageLists(await signedIn(account));
    expect(count(signIns, "Code de secours erroné")).toBe(1);
    expect(count(signIns, "Code de vérification erroné")).toBe(1);
    expect(changes).not.toContain("Code de secours erroné");
  });
});

describe("wrong codes typed inside « Mon compte »", () => {
  it("are not listed among the sign-ins, but among the account's changes, as refused codes", async () => {
    const account = await anAccount();
    const browser = await signedIn(account);
    await failedSignIn(account);

    const newPassword = "Un-Autre-Mot-De-Passe-97";
    // Each refusal names its field, for the page to mark it.
    expect((await browser.post("/compte/mot-de-passe", { currentPassword: PASSWORD, newPassword, code: "000000" })).headers.get("location")).toBe(
      "/espace/compte?erreur=mot-de-passe-code",
    );
    expect((await browser.post("/compte/mot-de-passe", { currentPassword: "Pas-Le-Bon-Mot-De-Passe-1", newPassword, code: account.code(new Date()) })).headers.get("location")).toBe(
      "/espace/compte?erreur=mot-de-passe-actuel",
    );
    expect((await browser.post("/compte/adresse", { email: "nouvelle@example.org", code: "000000" })).headers.get("location")).toBe("/espace/compte?erreur=adresse-code");
    expect((await browser.post("/compte/codes-secours", { code: "000000" })).headers.get("location")).toBe("/espace/compte?erreur=facteur");
    expect((await browser.post("/compte/totp/nouveau", {})).status).toBe(303);
    const secret = (await accountForEnrolment(account.id))!.pendingTotpSecret!;
    expect((await browser.post("/compte/totp/confirmer", { code: totpCode(secret, new Date()), currentCode: "AAAAA-BBBBB" })).headers.get("location")).toBe(
      "/espace/compte?erreur=totp-facteur&totp=nouveau#totp",
    );

    const { signIns, changes } = await accountPageLists(browser);
    // The one failed sign-in, and nothing of what was typed in the account.
    expect(count(signIns, "Code de vérification erroné")).toBe(1);
    expect(signIns).not.toContain("Mot de passe erroné");
    expect(signIns).not.toContain("modification du compte");
    expect(count(changes, "Code refusé lors d'une modification du compte")).toBe(4);
    expect(count(changes, "Mot de passe refusé lors d'une modification du compte")).toBe(1);
    expect(changes).not.toContain("Code de vérification erroné");
  });

  it("count toward the same cap as the codes of sign-in: once it is reached, even the right code is refused, at sign-in and in the account", async () => {
    const account = await anAccount();
    const browser = await signedIn(account);
    for (let i = 0; i < SECOND_FACTOR_LIMITS.failures - 1; i++) {
      const answer = i % 2 === 0 ? await browser.post("/compte/codes-secours", { code: "000000" }) : await browser.post("/compte/codes-secours", { code: "AAAAA-BBBBB" });
      expect(answer.headers.get("location")).toBe("/espace/compte?erreur=facteur");
    }
    // One more failure, at sign-in this time, reaches the cap the account's codes counted toward.
    await failedSignIn(account);

    const now = new Date();
    const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now });
    if (!started.ok) throw new Error("password step refused");
    expect(await completeSignIn({ challengeId: started.challengeId, code: account.code(now), now, userAgent: "vitest" })).toEqual({ ok: false, reason: "paused" });
    expect((await browser.post("/compte/codes-secours", { code: account.code(new Date()) })).headers.get("location")).toBe("/espace/compte?erreur=facteur");

    const { signIns, changes } = await accountPageLists(browser);
    expect(count(signIns, "Code de vérification erroné")).toBe(1);
    expect(signIns).toContain("Vérification suspendue (trop de codes erronés)");
    expect(count(changes, "Code refusé lors d'une modification du compte")).toBe(SECOND_FACTOR_LIMITS.failures - 1);
  });

  it("reach the cap on their own too", async () => {
    const account = await anAccount();
    const browser = await signedIn(account);
    for (let i = 0; i < SECOND_FACTOR_LIMITS.failures; i++) {
      expect((await browser.post("/compte/codes-secours", { code: "000000" })).headers.get("location")).toBe("/espace/compte?erreur=facteur");
    }
    expect((await browser.post("/compte/codes-secours", { code: account.code(new Date()) })).headers.get("location")).toBe("/espace/compte?erreur=facteur");
    const now = new Date();
    const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now });
    if (!started.ok) throw new Error("password step refused");
    expect(await completeSignIn({ challengeId: started.challengeId, code: account.code(now), now, userAgent: "vitest" })).toEqual({ ok: false, reason: "paused" });
  });
});
