import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as remove } from "@/app/compte/cle/retirer/route";
import { openSession } from "@/server/auth/open-session";
import { database } from "@/server/db/client";
import { addPasskey, countPasskeys } from "@/server/db/passkey-store";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { anAccount, anAddress } from "./helpers";
import { signedInBrowser } from "./signed-in-browser";
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
  server = await startTestServer({ "/compte/cle/retirer": remove });
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
    const sessionId = await openSession({ account, now: new Date(), userAgent: "vitest", secondFactorAt: new Date() });
    const [name, value] = (await sessionCookie(sessionId)).split("=");
    browser.jar.set(name!, value!);
    expect((await removeKey(browser, first)).headers.get("location")).toBe("/espace/compte?ok=cle-retiree");
    expect((await removeKey(browser, second)).headers.get("location")).toBe("/espace/compte?erreur=cle-retrait-facteur-manquant");
    expect(await countPasskeys(account.id)).toBe(1);
  });
});
