import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as change } from "@/app/(auth)/connexion/oubli/changer/route";
import { POST as send } from "@/app/(auth)/connexion/oubli/envoyer/route";
import { POST as askEmailChange } from "@/app/compte/adresse/route";
import { POST as confirmEmailChange } from "@/app/compte/adresse/confirmer/envoyer/route";
import { POST as changePassword } from "@/app/compte/mot-de-passe/route";
import { openSession } from "@/server/auth/open-session";
import { startSignIn } from "@/server/auth/start-sign-in";
import { database } from "@/server/db/client";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { anAccount, anAddress, PASSWORD } from "./helpers";
import { Browser, startTestServer } from "./test-server";

useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    "/connexion/oubli/envoyer": send,
    "/connexion/oubli/changer": change,
    "/compte/mot-de-passe": changePassword,
    "/compte/adresse": askEmailChange,
    "/compte/adresse/confirmer/envoyer": confirmEmailChange,
  }, 1);
});
afterAll(() => server.close());

async function linkSentTo(email: string, kind = "account-password-reset"): Promise<string | undefined> {
  const rows = await (await database()).sql.query<{ text_body: string }>(
    "SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1",
    [email, kind],
  );
  return rows[0]?.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)?.[1];
}

async function ownerSignedIn(account: Awaited<ReturnType<typeof anAccount>>): Promise<Browser> {
  const owner = new Browser(server.base, anAddress());
  const [name, value] = (await sessionCookie(await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
  owner.jar.set(name!, value!);
  return owner;
}

/** Someone who reads her mailbox (and found a code) asks for a reset link. */
async function linkAskedFor(account: Awaited<ReturnType<typeof anAccount>>): Promise<{ intruder: Browser; token: string }> {
  const intruder = new Browser(server.base, anAddress());
  await intruder.post("/connexion/oubli/envoyer", { email: account.email });
  const token = await linkSentTo(account.email);
  expect(token).toBeDefined();
  return { intruder, token: token! };
}

/** The intruder's reset, with a code of the next step (the one before is spent): refused, nothing changed. */
async function resetRefused(intruder: Browser, token: string, account: Awaited<ReturnType<typeof anAccount>>, signInEmail: string) {
  const theirs = "tournesol baleine escalier violon";
  const reset = await intruder.post("/connexion/oubli/changer", { token, newPassword: theirs, code: account.code(new Date(Date.now() + 30_000)) });
  expect(reset.headers.get("location")).toContain("erreur=lien");
  expect((await startSignIn({ email: signInEmail, password: theirs, address: anAddress(), now: new Date() })).ok).toBe(false);
}

describe("a reset link asked before the owner changed her password", () => {
  it("no longer changes it: whoever asked for it (from her mailbox) cannot undo the change she made", async () => {
    const account = await anAccount();
    const { intruder, token } = await linkAskedFor(account);

    // She is told of the request and changes her password from her own session.
    const owner = await ownerSignedIn(account);
    const mine = "girafe nuage tournevis printemps";
    const changed = await owner.post("/compte/mot-de-passe", { currentPassword: PASSWORD, newPassword: mine, code: account.code(new Date()) });
    expect(changed.headers.get("location")).toBe("/espace/compte?ok=mot-de-passe");

    await resetRefused(intruder, token, account, account.email);
    expect((await startSignIn({ email: account.email, password: mine, address: anAddress(), now: new Date() })).ok).toBe(true);
  });

  it("no longer changes it once she has moved her account to another address: the old mailbox holds nothing that still works", async () => {
    const account = await anAccount();
    const { intruder, token } = await linkAskedFor(account);

    // She moves the account away from the mailbox she no longer trusts.
    const owner = await ownerSignedIn(account);
    const newEmail = `nouvelle-${account.id}@example.org`;
    expect((await owner.post("/compte/adresse", { email: newEmail, code: account.code(new Date()) })).headers.get("location")).toBe("/espace/compte?ok=adresse-envoyee");
    const confirmation = await linkSentTo(newEmail, "account-email-change");
    expect((await owner.post("/compte/adresse/confirmer/envoyer", { token: confirmation! })).headers.get("location")).toBe("/connexion?erreur=adresse-confirmee");

    await resetRefused(intruder, token, account, newEmail);
    expect((await startSignIn({ email: newEmail, password: PASSWORD, address: anAddress(), now: new Date() })).ok).toBe(true);
  });
});
