import { expect } from "vitest";
import { POST as codeRoute } from "@/app/(auth)/activer/etape/code/route";
import { POST as passwordRoute } from "@/app/(auth)/activer/etape/mot-de-passe/route";
import { POST as totpRoute } from "@/app/(auth)/activer/etape/totp/route";
import { POST as finishRoute } from "@/app/(auth)/activer/etape/terminer/route";
import { POST as openAccountRoute } from "@/app/api/invitation/compte/route";
import { POST as acceptRoute } from "@/app/api/invitation/accepter/route";
import { addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { totpCode } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { findAccountByEmail } from "@/server/db/account-store";
import type { Database } from "@/server/db/client";
import type { Browser } from "../auth/test-server";
import { noticeOf, post, secretFromOutbox, type World } from "./world";

/**
 * The steps of an invitee opening an account from an invitation, as a browser posts them: the
 * form on the invitation's page (/api/invitation/compte), the code e-mailed to the invited
 * address typed on /activer with the birth date, then password, authenticator app and end.
 */
export const OPENING_ROUTES = {
  "/api/invitation/compte": openAccountRoute,
  "/api/invitation/accepter": acceptRoute,
  "/activer/etape/code": codeRoute,
  "/activer/etape/mot-de-passe": passwordRoute,
  "/activer/etape/totp": totpRoute,
  "/activer/etape/terminer": finishRoute,
};

export const PASSWORD = "girafe nuage tournevis printemps";
export const where = (response: Response) => response.headers.get("location");

/** Where opening an account from an invitation leads, whatever the address: the code went by e-mail. */
export const SENT = "/activer?envoye=1";

export function accountOpeningSteps(db: () => Database, world: () => World) {
  /** Camille invites `email` (or the patient whose session cookie is `by`): the link's secret, from the invitee's mailbox. */
  async function invite(email: string, by = world().camille.session.cookie): Promise<string> {
    const fin = addMonthsToDay(parisDayOf(new Date()), 11);
    const answer = await post("inviter", { prenom: "Paul", nom: "Durand", email, lien: "ami", droits: ["documents:read"], fin }, by);
    expect(noticeOf(answer)).toBe("invite");
    return (await secretFromOutbox(db(), email, "invitation"))!;
  }

  const openAccount = (browser: Browser, jeton: string, naissance: string, prenom = "Paul") =>
    browser.post("/api/invitation/compte", { jeton, prenom, nom: "Durand", naissance });

  /** The e-mails of `kind` queued for `to`, newest first. */
  async function mailsTo(to: string, kind: string): Promise<string[]> {
    const rows = await db().sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = $2 ORDER BY created_at DESC", [to, kind]);
    return rows.map((row) => row.text_body);
  }

  /** The activation code e-mailed to the invited address, typed on /activer with the birth date. */
  async function enterMailedCode(browser: Browser, email: string, birthDate: string): Promise<string | null> {
    const code = /Votre code d'activation : (\S+)/.exec((await mailsTo(email, "delegation-account-code"))[0] ?? "")?.[1];
    expect(code, `code e-mailed to ${email}`).toBeDefined();
    return where(await browser.post("/activer/etape/code", { code: code!, birthDate }));
  }

  /** Opening the account, then the code from the mailbox: the password step. */
  async function openWithMailbox(browser: Browser, jeton: string, email: string, naissance: string, prenom?: string) {
    expect(where(await openAccount(browser, jeton, naissance, prenom))).toBe(SENT);
    expect(await enterMailedCode(browser, email, naissance)).toBe("/activer/mot-de-passe");
  }

  /**
   * Password, authenticator app, end: the browser is signed in, and back on the invitation it
   * opened the account from (`jeton`), to accept it; on the home page when `jeton` is undefined.
   */
  async function finishActivation(browser: Browser, email: string, jeton: string | undefined) {
    expect(where(await browser.post("/activer/etape/mot-de-passe", { password: PASSWORD, confirm: PASSWORD }))).toBe("/activer/second-facteur");
    const account = (await findAccountByEmail(email))!;
    const secret = (await accountForEnrolment(account.id))!.pendingTotpSecret!;
    expect(where(await browser.post("/activer/etape/totp", { code: totpCode(secret, new Date()) }))).toBe("/activer/codes-secours");
    expect(where(await browser.post("/activer/etape/terminer", {}))).toBe(jeton ? `/invitation/${jeton}` : "/");
  }

  return { invite, openAccount, mailsTo, enterMailedCode, openWithMailbox, finishActivation };
}
