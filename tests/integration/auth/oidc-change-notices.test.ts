import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as unlink } from "@/app/compte/oidc/delier/route";
import { POST as linkFromAccount } from "@/app/compte/oidc/lier/route";
import { linkedIdentitiesOf } from "@/server/accounts/linked-identities";
import { database } from "@/server/db/client";
import { accountIdForOidcIdentity, bindOidcIdentity } from "@/server/db/oidc-identity-store";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount } from "./helpers";
import { OIDC_CLIENT, atProvider, closeProvider, issuer, location, oidcRoutes, sub } from "./oidc-test-provider";
import { signedInBrowser } from "./signed-in-browser";
import { startTestServer } from "./test-server";

/**
 * An OpenID Connect identity linked to the account, or unlinked, is told to its owner, in the
 * portal and by e-mail (account-change-notices.test.ts has the other changes): through the
 * routes and the test provider on a socket. Before, a linked identity (which signs in alone)
 * left no notice: one bound from a stolen session went unseen.
 */
// Read once by env(), which nothing has called yet: this file runs with modules of its own (vitest.config.ts).
process.env.OIDC_ISSUER = issuer;
process.env.OIDC_CLIENT_ID = OIDC_CLIENT.id;
process.env.OIDC_CLIENT_SECRET = OIDC_CLIENT.secret;

useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/oidc/lier": linkFromAccount, "/compte/oidc/delier": unlink, ...oidcRoutes });
});
afterAll(async () => {
  await server.close();
  await closeProvider();
});

async function toldOf(account: { id: string; email: string }) {
  const { sql } = await database();
  const notices = await sql.query<{ kind: string; link: string; patient_id: string | null }>(
    "SELECT kind, link, patient_id FROM notification WHERE account_id = $1::uuid AND kind IN ('identity-linked', 'identity-unlinked') ORDER BY created_at",
    [account.id],
  );
  const mails = await sql.query<{ kind: string; text_body: string }>(
    "SELECT kind, text_body FROM email_outbox WHERE recipient = $1 AND kind IN ('notification-identity-linked', 'notification-identity-unlinked') ORDER BY created_at",
    [account.email],
  );
  return { notices, mails };
}

describe("a linked identity is told to the account's owner", () => {
  it("a wrong code links nothing and tells nothing; linked with the code: one notice, e-mailed; the identity's subject is in neither", async () => {
    const account = await anAccount();
    const browser = await signedInBrowser(server.base, account);
    const wrong = account.code(new Date()) === "000000" ? "111111" : "000000";
    expect(location(await browser.post("/compte/oidc/lier", { code: wrong }))).toBe("/espace/compte?erreur=oidc-facteur");
    expect(await toldOf(account)).toEqual({ notices: [], mails: [] });

    const mine = sub();
    const started = await browser.post("/compte/oidc/lier", { code: account.code(new Date()) });
    expect(location(await browser.get(atProvider(location(started), mine)))).toBe("/espace/compte?ok=oidc");
    expect(await accountIdForOidcIdentity(issuer, mine)).toBe(account.id);

    const { notices, mails } = await toldOf(account);
    expect(notices).toEqual([{ kind: "identity-linked", link: "/espace/compte", patient_id: null }]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain("Une identité numérique a été liée à votre compte le ");
    expect(mails[0]!.text_body).toContain("Si ce n'était pas vous, déliez cette identité et changez votre mot de passe depuis « Mon compte » : http://localhost:3000/espace/compte");
    expect(mails[0]!.text_body).not.toContain(mine);
    expect(mails[0]!.text_body).not.toContain(account.displayName);
  });
});

describe("an unlinked identity is told to the account's owner", () => {
  it("a wrong code unlinks nothing and tells nothing; the right one unlinks it and tells it, on a professional's account too", async () => {
    const pro = await anAccount({ kind: "practitioner" });
    const theirs = sub();
    await bindOidcIdentity(pro.id, issuer, theirs, new Date());
    const browser = await signedInBrowser(server.base, pro);
    // The ref « Mon compte » gives its « Délier » button.
    const identity = (await linkedIdentitiesOf(pro.id))[0]!.ref;
    const wrong = pro.code(new Date()) === "000000" ? "111111" : "000000";
    expect(location(await browser.post("/compte/oidc/delier", { identity, code: wrong }))).toBe("/pro/compte?erreur=oidc-delier-facteur");
    expect(await toldOf(pro)).toEqual({ notices: [], mails: [] });

    expect(location(await browser.post("/compte/oidc/delier", { identity, code: pro.code(new Date()) }))).toBe("/pro/compte?ok=oidc-delie");
    expect(await accountIdForOidcIdentity(issuer, theirs)).toBeUndefined();
    const { notices, mails } = await toldOf(pro);
    expect(notices).toEqual([{ kind: "identity-unlinked", link: "/pro/compte", patient_id: null }]);
    expect(mails.map((m) => m.kind)).toEqual(["notification-identity-unlinked"]);
    expect(mails[0]!.text_body).toContain("http://localhost:3000/pro/compte");
    expect(mails[0]!.text_body).not.toContain(theirs);
  });
});
