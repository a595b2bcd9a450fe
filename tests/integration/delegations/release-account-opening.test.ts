import type { Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import * as releasedPage from "@/pages/invitation/ouverture/fait";
import * as refusedPage from "@/pages/invitation/ouverture/invalide";
import { findAccountByEmail } from "@/server/db/account-store";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { SENT, where } from "./account-opening-steps";
import { REFUSED, RELEASED, releaseOpeningSteps, releaseSecretIn } from "./release-opening-steps";

const db = useTestDatabase();

/**
 * Found by the attack round: Eve knows Paul's address, invites him to her own space and posts the
 * account form of her own link first, as « Intrus », born 1999-09-09. The code goes to Paul's
 * mailbox but only activates with Eve's made-up birth date, and while her invitation is open
 * Camille's invitation to Paul cannot take the account up: Paul was stuck for seven days, and
 * again with each new invitation of Eve's. Paul, and only Paul (the link is in his mailbox),
 * now lets go of that opening with « Annuler cette ouverture de compte ».
 */
const { invite, openAccount, mailsTo, enterMailedCode, finishActivation, world, newBrowser, release, showPage } = releaseOpeningSteps(db);

/** Who holds Paul's unactivated account: the invitations recorded as having opened it. */
const holders = async (email: string) =>
  (await db().sql.query<{ id: string }>("SELECT i.id::text AS id FROM delegation_invitation i JOIN account a ON a.id = i.opened_account_id WHERE a.email = $1", [email])).length;

describe("an account opening squatted from another invitation", () => {
  it("is let go by the mailbox's holder with the link of his e-mail; then he opens his own from Camille's invitation, activates and accepts", async () => {
    const paul = `paul-squat-${Date.now()}@example.org`;
    const eves = await invite(paul, world().eve.session.cookie);
    expect(where(await openAccount(newBrowser(), eves, "1999-09-09", "Intrus"))).toBe(SENT);
    const squatCodeMail = (await mailsTo(paul, "delegation-account-code"))[0];

    // Camille invites Paul; his post with his real details is held, and his code needs Eve's birth date.
    const camilles = await invite(paul);
    const browser = newBrowser();
    expect(where(await openAccount(browser, camilles, "1978-04-21"))).toBe(SENT);
    expect(await mailsTo(paul, "delegation-account-code")).toEqual([squatCodeMail]);
    expect(await enterMailedCode(newBrowser(), paul, "1978-04-21")).toBe("/activer?erreur=1");
    const held = await mailsTo(paul, "delegation-account-opening");
    expect(held).toHaveLength(1);
    const secret = releaseSecretIn(held[0]);
    expect(secret, "release link in the held e-mail").toBeDefined();
    expect(releaseSecretIn(squatCodeMail), "release link in the code e-mail").toBeDefined();
    // The e-mails name nobody.
    for (const text of [held[0]!, squatCodeMail!]) expect(text.replace(/https?:\/\/\S+/g, "")).not.toMatch(/Intrus|Durand|Paul|Eve|Camille|1999|1978/);

    // Opening the link (a mail scanner does too) shows the button and changes nothing: his post is still held.
    const page = await showPage(secret!);
    expect(page.html).toContain('action="/api/invitation/annuler-ouverture"');
    expect(page.html).toContain("Annuler cette ouverture de compte");
    expect(where(await openAccount(browser, camilles, "1978-04-21"))).toBe(SENT);
    expect(await mailsTo(paul, "delegation-account-code")).toEqual([squatCodeMail]);
    expect(await holders(paul)).toBe(1);

    // A forged secret, or a post from another site, changes nothing either.
    expect(where(await release("A".repeat(43)))).toBe(REFUSED);
    expect((await release(secret!, { origin: "https://evil.example" })).status).toBe(403);
    expect(await holders(paul)).toBe(1);

    expect(where(await release(secret!))).toBe(RELEASED);
    expect(await holders(paul)).toBe(0);
    expect((await servePage(releasedPage, RELEASED)).html).toContain("Rouvrez le lien de votre invitation");
    expect((await servePage(refusedPage, REFUSED)).html).toContain("rien n&#x27;a changé");
    // Once: the same link again, or the one of the squatter's code e-mail, is refused, and the page says so.
    expect(where(await release(secret!))).toBe(REFUSED);
    expect(where(await release(releaseSecretIn(squatCodeMail)!))).toBe(REFUSED);
    expect((await showPage(secret!)).html).not.toContain("<form");
    // Eve's code is void.
    expect(await enterMailedCode(newBrowser(), paul, "1999-09-09")).toBe("/activer?erreur=1");

    // Paul posts Camille's form again: a new code, his name and birth date.
    expect(where(await openAccount(browser, camilles, "1978-04-21"))).toBe(SENT);
    const codes = await mailsTo(paul, "delegation-account-code");
    expect(codes).toHaveLength(2);
    const account = (await findAccountByEmail(paul))!;
    expect(account.displayName).toBe("Paul Durand");
    expect(await world().system.read<Patient>("Patient", account.fhirRef.slice("Patient/".length))).toMatchObject({ birthDate: "1978-04-21", name: [{ given: ["Paul"] }] });
    expect(await enterMailedCode(browser, paul, "1978-04-21")).toBe("/activer/mot-de-passe");
    await finishActivation(browser, paul, camilles);
    expect(where(await browser.post("/api/invitation/accepter", { jeton: camilles }))).toBe("/espace/proches?message=acceptee");

    // The release link of his last code e-mail, once his account is activated: offered nowhere, and changes nothing.
    const activated = (await findAccountByEmail(paul))!;
    const late = releaseSecretIn(codes[0])!;
    expect((await showPage(late)).html).not.toContain("<form");
    expect(where(await release(late))).toBe(REFUSED);
    expect(await findAccountByEmail(paul)).toEqual(activated);
    expect(await db().sql.query("SELECT 1 FROM account WHERE id = $1::uuid AND password_hash IS NOT NULL AND totp_secret IS NOT NULL AND activated_at IS NOT NULL", [activated.id])).toHaveLength(1);
  });
});
