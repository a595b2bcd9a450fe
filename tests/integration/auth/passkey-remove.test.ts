import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signInOptions } from "@/app/(auth)/connexion/cle/options/route";
import { POST as signInVerify } from "@/app/(auth)/connexion/cle/verifier/route";
import { POST as register } from "@/app/compte/cle/enregistrer/route";
import { POST as options } from "@/app/compte/cle/options/route";
import { POST as remove } from "@/app/compte/cle/retirer/route";
import * as patientAccount from "@/pages/espace/compte";
import { openSession } from "@/server/auth/open-session";
import { database } from "@/server/db/client";
import { addPasskey, countPasskeys } from "@/server/db/passkey-store";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress, PASSWORD } from "./helpers";
import { signedInBrowser } from "./signed-in-browser";
import { isSignedIn, sessionsOpenedWith, signInWithPasskey, signInWithPassword } from "./sign-in-ways";
import { signInRoutes } from "./sign-in-routes";
import { SoftAuthenticator } from "./soft-authenticator";
import { Browser, startTestServer } from "./test-server";

/**
 * « Retirer » a passkey in « Mon compte », over a real socket. Whoever holds an open session (a
 * computer left signed in, a stolen cookie) must not strip the owner's keys: the current factor
 * is asked as for adding one (a code of the app or a recovery code, unless this session proved
 * it at sign-in moments ago). Before, the session alone removed any of the account's keys.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    ...signInRoutes,
    "/compte/cle/retirer": remove,
    "/compte/cle/options": options,
    "/compte/cle/enregistrer": register,
    "/connexion/cle/options": signInOptions,
    "/connexion/cle/verifier": signInVerify,
  });
});
afterAll(() => server.close());

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

async function aKey(account: TestAccount, credentialId = `cle-${account.id}`): Promise<string> {
  await addPasskey({ credentialId, accountId: account.id, publicKey: new Uint8Array([1, 2, 3]), counter: 0, transports: ["internal"], name: "Téléphone", now: new Date() });
  return credentialId;
}

/** The form as the page posts it: the key's button (its id) and the code field. */
const removeKey = (browser: Browser, credential: string, code?: string) => browser.post("/compte/cle/retirer", code === undefined ? { credential } : { credential, code });

async function eventsOf(account: TestAccount): Promise<{ kind: string; detail: string | null }[]> {
  const { sql } = await database();
  return sql.query<{ kind: string; detail: string | null }>("SELECT kind, detail FROM account_event WHERE account_id = $1 AND kind IN ('account-code-failed', 'passkey-removed') ORDER BY at", [account.id]);
}

describe("removing a passkey in « Mon compte »", () => {
  it("an open session alone removes none: the code is asked, a wrong one is refused and recorded, and the key stays", async () => {
    const account = await anAccount();
    const key = await aKey(account);
    const browser = await signedInBrowser(server.base, account);

    const missing = await removeKey(browser, key);
    expect(missing.status).toBe(303);
    expect(missing.headers.get("location")).toBe("/espace/compte?erreur=cle-retrait-facteur-manquant");
    const wrong = await removeKey(browser, key, "000000");
    expect(wrong.headers.get("location")).toBe("/espace/compte?erreur=cle-retrait-facteur");

    expect(await countPasskeys(account.id)).toBe(1);
    // Nothing typed is no wrong code; the wrong one is in the owner's list of changes refused.
    expect(await eventsOf(account)).toEqual([{ kind: "account-code-failed", detail: "passkey-remove" }]);
  });

  it("with a code of the app, or a recovery code, the key is removed and the removal recorded", async () => {
    const account = await anAccount();
    const [first, second] = [await aKey(account, `a-${account.id}`), await aKey(account, `b-${account.id}`)];
    const browser = await signedInBrowser(server.base, account);

    const answer = await removeKey(browser, first, account.code(new Date()));
    expect(answer.headers.get("location")).toBe("/espace/compte?ok=cle-retiree");
    expect(await countPasskeys(account.id)).toBe(1);

    const [recovery] = await regenerateRecoveryCodes(account.id, new Date());
    expect((await removeKey(browser, second, recovery!)).headers.get("location")).toBe("/espace/compte?ok=cle-retiree");
    expect(await countPasskeys(account.id)).toBe(0);
    expect(await eventsOf(account)).toEqual([
      { kind: "passkey-removed", detail: null },
      { kind: "passkey-removed", detail: null },
    ]);
  });

  it("another account's key is not removed, and costs no code", async () => {
    const [account, other] = [await anAccount(), await anAccount()];
    const theirs = await aKey(other);
    const [recovery] = await regenerateRecoveryCodes(account.id, new Date());
    const browser = await signedInBrowser(server.base, account);
    expect((await removeKey(browser, theirs, recovery!)).headers.get("location")).toBe("/espace/compte?erreur=cle");
    expect(await countPasskeys(other.id)).toBe(1);
    expect(await remainingRecoveryCodes(account.id)).toBe(10);
  });

  it("a session that proved the factor at sign-in moments ago removes one key without a code, once", async () => {
    const account = await anAccount();
    const [first, second] = [await aKey(account, `a-${account.id}`), await aKey(account, `b-${account.id}`)];
    const browser = new Browser(server.base, anAddress());
    const sessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest", secondFactorAt: new Date() });
    const [name, value] = (await sessionCookie(sessionId)).split("=");
    browser.jar.set(name!, value!);
    expect((await removeKey(browser, first)).headers.get("location")).toBe("/espace/compte?ok=cle-retiree");
    expect((await removeKey(browser, second)).headers.get("location")).toBe("/espace/compte?erreur=cle-retrait-facteur-manquant");
    expect(await countPasskeys(account.id)).toBe(1);
  });
});

/**
 * The sessions a key opened end with it. Before, nothing recorded which way in opened a session:
 * the owner removed an intruder's key and the intruder's sessions stayed open (until their
 * timeout), able to add another key. Signed in for real: the password and a code, a passkey.
 */
describe("removing a passkey closes the sessions it opened", () => {
  /** The owner signs in with the password and a code, and adds a key from « Mon compte » (the sign-in's proof, minutes ago, covers it). */
  async function ownerWithKey(localAddress: string) {
    const account = await anAccount();
    const owner = await signInWithPassword(server.base, { email: account.email, password: PASSWORD }, { code: account.code(new Date()) }, localAddress);
    const authenticator = new SoftAuthenticator("http://localhost:3000", "localhost");
    const { challenge } = (await (await owner.post("/compte/cle/options", {})).json()) as { challenge: string };
    expect((await owner.postJson("/compte/cle/enregistrer", authenticator.register(challenge))).status).toBe(200);
    return { account, owner, authenticator };
  }

  it("ends every other session the key opened at its next request; a session opened with the password and a code stays; the page says how many", async () => {
    const { account, owner, authenticator } = await ownerWithKey("127.0.62.1");
    const [recovery, another] = await regenerateRecoveryCodes(account.id, new Date());
    const elsewhere = await signInWithPassword(server.base, { email: account.email, password: PASSWORD }, { code: another!, kind: "recovery" }, "127.0.62.2");
    const [intruder, intruderPhone] = [await signInWithPasskey(server.base, authenticator), await signInWithPasskey(server.base, authenticator)];
    expect(await isSignedIn(intruder)).toBe(true);
    // The owner can tell the key's sessions from hers.
    expect(await sessionsOpenedWith(owner.cookieHeader())).toEqual(["avec le mot de passe et un code", "avec le mot de passe et un code", "avec une clé d'accès", "avec une clé d'accès"]);

    expect((await removeKey(owner, authenticator.id, recovery!)).headers.get("location")).toBe("/espace/compte?ok=cle-retiree");
    expect(await isSignedIn(intruder)).toBe(false);
    expect(await isSignedIn(intruderPhone)).toBe(false);
    expect(await isSignedIn(owner)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(true);
    expect(await sessionsOpenedWith(owner.cookieHeader())).toEqual(["avec le mot de passe et un code", "avec le mot de passe et un code"]);

    // The count comes in the cookie the removal sealed for this session (closed-sessions-flash.ts):
    // said once, beside its own result, and cleared by the page that says it.
    const flash = owner.cookieHeader().split("; ").find((pair) => pair.startsWith("espace-sante.sessions-fermees="))!;
    expect(flash).toBeDefined();
    const ownSession = owner.cookieHeader().split("; ").filter((pair) => pair !== flash).join("; ");
    expect((await servePage(patientAccount, "/espace/compte?ok=cle", { cookie: owner.cookieHeader() })).html!).not.toContain("ouvertes avec cette");
    const shown = await servePage(patientAccount, "/espace/compte?ok=cle-retiree", { cookie: owner.cookieHeader() });
    expect(shown.html!).toContain("La clé d&#x27;accès a été retirée. 2 sessions ouvertes avec cette clé ont été fermées.");
    expect(shown.setCookies?.some((line) => /^espace-sante\.sessions-fermees=;.*Max-Age=0/.test(line))).toBe(true);
    // A forged link says nothing, whatever its count; the sealed cookie opens for no other session.
    for (const query of ["?ok=cle-retiree&fermees=2", "?ok=cle-retiree&fermees=999"]) {
      expect((await servePage(patientAccount, `/espace/compte${query}`, { cookie: ownSession })).html!, query).not.toContain("ouvertes avec cette");
    }
    expect((await servePage(patientAccount, "/espace/compte?ok=cle-retiree", { cookie: `${elsewhere.cookieHeader()}; ${flash}` })).html!).not.toContain("ouvertes avec cette");
  });

  it("the session removing the key keeps going even if that key opened it; the key's other sessions end", async () => {
    const { authenticator } = await ownerWithKey("127.0.62.3");
    const [here, there] = [await signInWithPasskey(server.base, authenticator), await signInWithPasskey(server.base, authenticator)];
    // A passkey's sign-in proved the factor moments ago: no code is asked for one change.
    expect((await removeKey(here, authenticator.id)).headers.get("location")).toBe("/espace/compte?ok=cle-retiree");
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(there)).toBe(false);
  });

  it("only the removed key's sessions end: another key's stay", async () => {
    const { account, owner, authenticator: kept } = await ownerWithKey("127.0.62.4");
    const [recovery, another] = await regenerateRecoveryCodes(account.id, new Date());
    const removed = new SoftAuthenticator("http://localhost:3000", "localhost");
    const { challenge } = (await (await owner.post("/compte/cle/options", { code: another! })).json()) as { challenge: string };
    expect((await owner.postJson("/compte/cle/enregistrer", removed.register(challenge))).status).toBe(200);
    const [byKept, byRemoved] = [await signInWithPasskey(server.base, kept), await signInWithPasskey(server.base, removed)];
    expect((await removeKey(owner, removed.id, recovery!)).headers.get("location")).toBe("/espace/compte?ok=cle-retiree");
    expect(await isSignedIn(byRemoved)).toBe(false);
    expect(await isSignedIn(byKept)).toBe(true);
  });
});
