import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as register } from "@/app/compte/cle/enregistrer/route";
import { POST as options } from "@/app/compte/cle/options/route";
import { POST as signInOptions } from "@/app/(auth)/connexion/cle/options/route";
import { POST as signInVerify } from "@/app/(auth)/connexion/cle/verifier/route";
import { openSession } from "@/server/auth/open-session";
import { database } from "@/server/db/client";
import { countPasskeys } from "@/server/db/passkey-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { anAccount, anAddress } from "./helpers";
import { signedInBrowser } from "./signed-in-browser";
import { SoftAuthenticator } from "./soft-authenticator";
import { Browser, startTestServer } from "./test-server";

/**
 * « Ajouter une clé d'accès » in « Mon compte », over a real socket. A passkey signs its holder
 * in alone and outlives a password change, so an open session (a computer left signed in, a
 * stolen cookie) must not be enough to add one: the current factor is asked, as for the password,
 * the e-mail address or the TOTP app. Found by an exploratory test: a session alone registered a
 * key of the attacker's, which then signed in on its own.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    "/compte/cle/options": options,
    "/compte/cle/enregistrer": register,
    "/connexion/cle/options": signInOptions,
    "/connexion/cle/verifier": signInVerify,
  });
});
afterAll(() => server.close());

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

/** The options request as the page's script sends it: the code field as a form. */
const askOptions = (browser: Browser, code?: string) => browser.post("/compte/cle/options", code === undefined ? {} : { code });

/** The whole addition from this browser: options (with `code`), then the authenticator's answer. */
async function addKey(browser: Browser, code?: string) {
  const answer = await askOptions(browser, code);
  const authenticator = new SoftAuthenticator("http://localhost:3000", "localhost");
  if (answer.status !== 200) return { answer, authenticator, registered: await browser.postJson("/compte/cle/enregistrer", authenticator.register("forged-challenge")) };
  const { challenge } = (await answer.json()) as { challenge: string };
  return { answer, authenticator, registered: await browser.postJson("/compte/cle/enregistrer", authenticator.register(challenge)) };
}

async function refusedCodes(account: TestAccount): Promise<string[]> {
  const { sql } = await database();
  return (await sql.query<{ detail: string }>("SELECT detail FROM account_event WHERE account_id = $1 AND kind = 'account-code-failed'", [account.id])).map((row) => row.detail);
}

async function passkeySignIn(authenticator: SoftAuthenticator): Promise<{ status: number; browser: Browser }> {
  const browser = new Browser(server.base, anAddress());
  const { challenge } = (await (await browser.postJson("/connexion/cle/options")).json()) as { challenge: string };
  return { status: (await browser.postJson("/connexion/cle/verifier", authenticator.assert(challenge))).status, browser };
}
const signsInWith = async (authenticator: SoftAuthenticator) => (await passkeySignIn(authenticator)).status;

describe("adding a passkey in « Mon compte »", () => {
  it("an open session alone adds none: the code is asked, a wrong one is refused and recorded, and no key of the intruder's signs in", async () => {
    const account = await anAccount();
    const browser = await signedInBrowser(server.base, account);

    const missing = await addKey(browser);
    expect(missing.answer.status).toBe(403);
    expect(await missing.answer.json()).toEqual({ error: "factor-missing" });
    expect(missing.registered.status).toBe(400);

    const wrong = await addKey(browser, "000000");
    expect(wrong.answer.status).toBe(403);
    expect(await wrong.answer.json()).toEqual({ error: "factor" });
    expect(wrong.registered.status).toBe(400);

    expect(await countPasskeys(account.id)).toBe(0);
    expect(await signsInWith(wrong.authenticator)).toBe(401);
    // Nothing typed is no wrong code; the wrong one is in the owner's list of changes refused.
    expect(await refusedCodes(account)).toEqual(["passkey-add"]);
  });

  it("with a code of the app (or a recovery code), the key is added and signs in", async () => {
    const account = await anAccount();
    const browser = await signedInBrowser(server.base, account);
    const { answer, registered, authenticator } = await addKey(browser, account.code(new Date()));
    expect(answer.status).toBe(200);
    expect(registered.status).toBe(200);
    expect(await countPasskeys(account.id)).toBe(1);

    // Signing in with that key proves both factors: a second device's key follows without a code.
    const signedIn = await passkeySignIn(authenticator);
    expect(signedIn.status).toBe(200);
    expect((await addKey(signedIn.browser)).registered.status).toBe(200);
    expect(await countPasskeys(account.id)).toBe(2);
  });

  it("a session that proved the factor at sign-in moments ago adds one key without a code, once", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    const sessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest", secondFactorAt: new Date() });
    const [name, value] = (await sessionCookie(sessionId)).split("=");
    browser.jar.set(name!, value!);
    expect((await addKey(browser)).registered.status).toBe(200);
    expect((await askOptions(browser)).status).toBe(403);
    expect(await countPasskeys(account.id)).toBe(1);
  });

  it("a code typed is checked even then: a wrong one is refused and recorded, not accepted without a word", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    const sessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest", secondFactorAt: new Date() });
    const [name, value] = (await sessionCookie(sessionId)).split("=");
    browser.jar.set(name!, value!);
    const wrong = await addKey(browser, "000000");
    expect(wrong.answer.status).toBe(403);
    expect(await wrong.answer.json()).toEqual({ error: "factor" });
    expect(await refusedCodes(account)).toEqual(["passkey-add"]);
    expect(await countPasskeys(account.id)).toBe(0);
    // The sign-in's proof was not spent by the mistyped code: nothing typed, it still serves once.
    expect((await addKey(browser)).registered.status).toBe(200);
    expect(await countPasskeys(account.id)).toBe(1);
  });
});
