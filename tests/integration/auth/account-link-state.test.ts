import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as change } from "@/app/(auth)/connexion/oubli/changer/route";
import { POST as send } from "@/app/(auth)/connexion/oubli/envoyer/route";
import { POST as confirm } from "@/app/compte/adresse/confirmer/envoyer/route";
import * as resetPage from "@/pages/connexion/reinitialiser";
import * as confirmPage from "@/pages/compte/adresse/confirmer";
import { requestEmailChange } from "@/server/accounts/change-email";
import { startSignIn } from "@/server/auth/start-sign-in";
import { database } from "@/server/db/client";
import { emailOfAccount } from "@/server/db/account-store";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress } from "./helpers";
import { Browser, startTestServer } from "./test-server";

/**
 * The links sent by e-mail to reset a password or confirm a new address say, as soon as they are
 * opened, whether they can still serve: used, replaced by a newer one, expired, out of tries or
 * made up, the page tells which and what to do next, and offers no form. Opening a live link
 * (as often as a mail scanner likes) spends nothing: it still works afterwards.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/connexion/oubli/envoyer": send, "/connexion/oubli/changer": change, "/compte/adresse/confirmer/envoyer": confirm }, 1);
});
afterAll(() => server.close());

const NEW_PASSWORD = "tournesol baleine escalier violon";

async function tokensIn(recipient: string, kind: string): Promise<string[]> {
  const rows = await (await database()).sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = $2 ORDER BY created_at", [recipient, kind]);
  return rows.map((row) => row.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)![1]!);
}

async function askReset(email: string): Promise<string> {
  await new Browser(server.base, anAddress()).post("/connexion/oubli/envoyer", { email });
  return (await tokensIn(email, "account-password-reset")).at(-1)!;
}

/** What the page says, without its tags. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");
const h1Of = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

async function tokenRow(email: string, purpose: string) {
  const rows = await (await database()).sql.query<{ attempts: number; used: boolean }>(
    "SELECT t.attempts, t.used_at IS NOT NULL AS used FROM account_token t JOIN account a ON a.id = t.account_id WHERE a.email = $1 AND t.purpose = $2 ORDER BY t.created_at DESC LIMIT 1",
    [email, purpose],
  );
  return rows[0];
}

describe("the password reset link's page, as soon as it is opened", () => {
  it("offers the form for a live link, however often it is opened, and the link still works afterwards", async () => {
    const account = await anAccount();
    const token = await askReset(account.email);
    for (let opened = 0; opened < 7; opened++) {
      const page = await servePage(resetPage, `/connexion/reinitialiser?jeton=${token}`);
      expect(page.status).toBe(200);
      expect(h1Of(page.html!)).toBe("Nouveau mot de passe");
      expect(page.html).toContain(`name="token" value="${token}"`);
    }
    expect(await tokenRow(account.email, "password-reset")).toEqual({ attempts: 0, used: false });
    const done = await new Browser(server.base, anAddress()).post("/connexion/oubli/changer", { token, newPassword: NEW_PASSWORD, code: account.code(new Date()) });
    expect(done.headers.get("location")).toBe("/connexion?erreur=reinitialise");
  });

  it("says a used link has served, offers no form, and sends to sign-in with the new password", async () => {
    const account = await anAccount();
    const token = await askReset(account.email);
    await new Browser(server.base, anAddress()).post("/connexion/oubli/changer", { token, newPassword: NEW_PASSWORD, code: account.code(new Date()) });
    const page = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${token}`)).html!;
    expect(h1Of(page)).toBe("Lien de réinitialisation plus valable");
    expect(textOf(page)).toContain("Ce lien a déjà servi : le mot de passe a été changé avec lui.");
    expect(page).not.toContain("<form");
    expect(page).toContain('href="/connexion"');
    // Opening it changed nothing: the new password still signs in.
    expect((await startSignIn({ email: account.email, password: NEW_PASSWORD, address: anAddress(), now: new Date() })).ok).toBe(true);
  });

  it("says a link replaced by a newer one is no longer the one, and the newer one still opens its form", async () => {
    const account = await anAccount();
    const first = await askReset(account.email);
    const second = await askReset(account.email);
    const old = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${first}`)).html!;
    expect(textOf(old)).toContain("Un nouveau lien a été demandé depuis : seul le dernier lien reçu fonctionne.");
    expect(old).not.toContain("<form");
    expect(old).toContain('href="/connexion/oubli"');
    expect((await servePage(resetPage, `/connexion/reinitialiser?jeton=${second}`)).html).toContain(`name="token" value="${second}"`);
  });

  it("says an expired link ran out, and one out of tries is blocked; a made-up one is not valid", async () => {
    const account = await anAccount();
    const token = await askReset(account.email);
    const sql = (await database()).sql;
    await sql.query("UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE account_id = $1::uuid AND purpose = 'password-reset'", [account.id]);
    const expired = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${token}`)).html!;
    expect(textOf(expired)).toContain("Ce lien a expiré : il n'était valable que 30 minutes. Demandez un nouveau lien.");
    expect(expired).not.toContain("<form");

    const other = await anAccount();
    const tried = await askReset(other.email);
    const browser = new Browser(server.base, anAddress());
    // Five wrong codes spend the link's five tries; the page says so on the next opening.
    for (let i = 0; i < 5; i++) await browser.post("/connexion/oubli/changer", { token: tried, newPassword: NEW_PASSWORD, code: "000000" });
    const blocked = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${tried}`)).html!;
    expect(textOf(blocked)).toContain("Ce lien ne fonctionne plus : trop d'essais ont échoué avec lui.");
    expect(blocked).not.toContain("<form");

    const madeUp = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${"A".repeat(43)}`)).html!;
    expect(textOf(madeUp)).toContain("Ce lien n'est pas valable : il a peut-être été mal copié.");
    expect(madeUp).not.toContain("<form");
  });
});

describe("the new address's confirmation link's page, as soon as it is opened", () => {
  async function askChange(account: Awaited<ReturnType<typeof anAccount>>, at: Date): Promise<{ token: string; newEmail: string }> {
    const newEmail = `new-${at.getTime()}-${account.id}@example.org`;
    expect(await requestEmailChange(account.id, newEmail, account.code(at), at, {})).toBe("sent");
    return { token: (await tokensIn(newEmail, "account-email-change"))[0]!, newEmail };
  }

  it("is not sent for the account's own address, and says so (the page marks the address)", async () => {
    const account = await anAccount();
    const at = new Date();
    expect(await requestEmailChange(account.id, ` ${account.email.toUpperCase()} `, account.code(at), at, {})).toBe("same");
    expect(await tokensIn(account.email, "account-email-change")).toEqual([]);
  });

  it("offers the button for a live link, opened as often as a mail scanner likes, and the link still confirms afterwards", async () => {
    const account = await anAccount();
    const { token, newEmail } = await askChange(account, new Date());
    for (let opened = 0; opened < 5; opened++) {
      const page = await servePage(confirmPage, `/compte/adresse/confirmer?jeton=${token}`);
      expect(h1Of(page.html!)).toBe("Confirmer la nouvelle adresse");
      expect(page.html).toContain(`name="token" value="${token}"`);
    }
    expect(await tokenRow(account.email, "email-change")).toEqual({ attempts: 0, used: false });
    const confirmed = await new Browser(server.base).post("/compte/adresse/confirmer/envoyer", { token });
    expect(confirmed.headers.get("location")).toBe("/connexion?erreur=adresse-confirmee");
    expect(await emailOfAccount(account.id)).toBe(newEmail);

    // Used: the page says so, with no button, and sends to sign-in with the new address.
    const used = (await servePage(confirmPage, `/compte/adresse/confirmer?jeton=${token}`)).html!;
    expect(h1Of(used)).toBe("Lien de confirmation plus valable");
    expect(textOf(used)).toContain("Ce lien a déjà servi : la nouvelle adresse est confirmée. Connectez-vous avec elle.");
    expect(used).not.toContain("<form");
    expect(used).toContain('href="/connexion"');
  });

  it("says a link replaced by a newer request, an expired one and a made-up one can no longer serve, and offers the account page", async () => {
    const account = await anAccount();
    const now = Date.now();
    const first = await askChange(account, new Date(now - 30_000));
    const second = await askChange(account, new Date(now));
    const replaced = (await servePage(confirmPage, `/compte/adresse/confirmer?jeton=${first.token}`)).html!;
    expect(textOf(replaced)).toContain("Un autre changement d'adresse a été demandé depuis : seul le dernier lien envoyé fonctionne.");
    expect(replaced).not.toContain("<form");
    expect(replaced).toContain('href="/espace/compte"');

    await (await database()).sql.query("UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE account_id = $1::uuid AND purpose = 'email-change'", [account.id]);
    const expired = (await servePage(confirmPage, `/compte/adresse/confirmer?jeton=${second.token}`)).html!;
    expect(textOf(expired)).toContain("Ce lien a expiré : il n'était valable que 24 heures, et jusqu'au prochain changement du mot de passe du compte.");
    expect(expired).not.toContain("<form");

    const madeUp = (await servePage(confirmPage, `/compte/adresse/confirmer?jeton=${"A".repeat(43)}`)).html!;
    expect(textOf(madeUp)).toContain("Ce lien n'est pas valable");
    expect(madeUp).not.toContain("<form");
    expect(await emailOfAccount(account.id)).toBe(account.email);
  });

  it("says, with no button, that a live link's address can no longer become the account's once another account took it, names no one, and spends nothing", async () => {
    const account = await anAccount();
    const rival = await anAccount();
    const now = Date.now();
    const { token, newEmail } = await askChange(account, new Date(now - 30_000));
    // The same address, asked by another account and confirmed there first.
    expect(await requestEmailChange(rival.id, newEmail, rival.code(new Date(now)), new Date(now), {})).toBe("sent");
    const rivalToken = (await tokensIn(newEmail, "account-email-change"))[1]!;
    expect((await new Browser(server.base).post("/compte/adresse/confirmer/envoyer", { token: rivalToken })).headers.get("location")).toBe("/connexion?erreur=adresse-confirmee");

    for (let opened = 0; opened < 4; opened++) {
      const page = (await servePage(confirmPage, `/compte/adresse/confirmer?jeton=${token}`)).html!;
      expect(h1Of(page)).toBe("Lien de confirmation plus valable");
      expect(textOf(page)).toContain(
        "Ce lien ne peut plus confirmer cette adresse : elle ne peut pas devenir celle de votre compte. Connectez-vous, puis choisissez une autre adresse dans « Mon compte ».",
      );
      expect(page).not.toContain("<form");
      expect(page).not.toContain(token);
      expect(page).toContain('href="/espace/compte"');
      // Nothing of the account that holds the address, nor the address itself.
      for (const told of [newEmail, rival.email, rival.id, "autre compte"]) expect(page).not.toContain(told);
    }
    // Opening it spent no try and used nothing: the post still decides, and refuses as before.
    expect(await tokenRow(account.email, "email-change")).toEqual({ attempts: 0, used: false });
    const refused = await new Browser(server.base).post("/compte/adresse/confirmer/envoyer", { token });
    expect(refused.headers.get("location")).toBe("/connexion?erreur=adresse-refusee");
    expect(await emailOfAccount(account.id)).toBe(account.email);
    expect(await emailOfAccount(rival.id)).toBe(newEmail);
  });
});
