import type { Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import * as activationPage from "@/pages/activer";
import * as passwordPage from "@/pages/activer/mot-de-passe";
import * as secondFactorPage from "@/pages/activer/second-facteur";
import * as recoveryCodesPage from "@/pages/activer/codes-secours";
import { chooseInitialPassword } from "@/server/accounts/choose-password";
import { confirmTotpEnrolment } from "@/server/accounts/confirm-totp";
import { inviteAccount } from "@/server/accounts/invite-account";
import { startActivation } from "@/server/accounts/start-activation";
import { currentAuthCookies } from "@/server/auth/session-token";
import { totpCode } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { database } from "@/server/db/client";
import { createChallenge } from "@/server/db/sign-in-challenge-store";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient } from "@/lib/fhir/builders/people";
import { anAddress } from "../auth/helpers";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * The activation pages (/activer and its steps), served by the Pages Router without runtime
 * JavaScript: their getServerSideProps with the request Next hands them, then the HTML. The
 * activation under way is the one this browser's cookie names, as the route handlers read it.
 */
const BIRTH_DATE = "1985-03-14";
const PASSWORD = "girafe nuage tournevis printemps";
const PREFETCH = { rsc: "1", "next-router-prefetch": "1" };

/** A patient invited, their activation code proven in this browser: its cookie and account. */
async function activationUnderWay() {
  const patient = await (await systemRepository("activation-pages-tests")).create<Patient>(aPatient({ given: "Inès", family: "Activation", birthDate: BIRTH_DATE }));
  const email = `activation-pages-${patient.id}@example.org`;
  const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email, now: new Date() });
  if (!invited.ok) throw new Error(invited.reason);
  const started = await startActivation({ code: invited.code, birthDate: BIRTH_DATE, address: anAddress(), userAgent: null, now: new Date() });
  if (!started.ok) throw new Error("activation refused");
  return { accountId: invited.accountId, email, challengeId: started.challengeId, cookie: activationCookie(started.challengeId) };
}

const activationCookie = (value: string) => `${currentAuthCookies().activation.name}=${value}`;

async function choosePassword(accountId: string) {
  expect((await chooseInitialPassword((await accountForEnrolment(accountId))!, PASSWORD)).ok).toBe(true);
  return (await accountForEnrolment(accountId))!.pendingTotpSecret!;
}

/** Pages of different props, served one after the other. */
type AnyPage = Parameters<typeof servePage<Record<string, unknown>>>[0];
const anyPage = (page: unknown) => page as AnyPage;

const STEPS: [AnyPage, string][] = [
  [anyPage(passwordPage), "/activer/mot-de-passe"],
  [anyPage(secondFactorPage), "/activer/second-facteur"],
  [anyPage(recoveryCodesPage), "/activer/codes-secours"],
];

/** What every step shows without an activation under way: the words and the way back to /activer, no form. */
function expectExpired(html: string | undefined, label: string) {
  expect(html, label).toContain("activation a expiré");
  expect(html, label).toContain('href="/activer"');
  expect(html, label).not.toContain("<form");
}

describe("/activer (Pages Router)", () => {
  it("offers the code form, and says what the address's flag means, never its text", async () => {
    const plain = await servePage(activationPage, "/activer");
    expect(plain.status).toBe(200);
    expect(plain.html).toContain('action="/activer/etape/code"');
    expect(plain.html).not.toContain('role="alert"');
    expect((await servePage(activationPage, "/activer?erreur=expire")).html).toContain("activation a expiré");
    // A spent code: asking again can never work, so the page says to ask for a new one.
    const spent = (await servePage(activationPage, "/activer?erreur=utilise")).html!;
    expect(spent).toContain("Ce code d&#x27;activation a déjà servi");
    expect(spent).toContain("demandez un nouveau code");
    expect(spent).not.toContain("réessayez dans quelques minutes");
    const forged = (await servePage(activationPage, "/activer?erreur=%3Cb%3EAppelez%20le%2001%3C%2Fb%3E")).html!;
    expect(forged).not.toMatch(/Appelez|<b>/);
    expect(forged).toContain('role="alert"');
    expect(forged).not.toContain("activation a expiré");
  });

  it("puts the focus on « un code vient d'être envoyé », the answer to the invitation's form, so a screen reader reads it", async () => {
    const sent = (await servePage(activationPage, "/activer?envoye=1")).html!;
    expect(sent).toMatch(/<div role="status" tabindex="-1" autofocus=""[^>]*><div>Un code d&#x27;activation vient d&#x27;être envoyé/);
  });
});

describe("the activation steps (Pages Router)", () => {
  it("without an activation under way (none, forged, expired, malformed, or an account already activated) say it expired and show nothing of the account", async () => {
    const { accountId, email } = await activationUnderWay();
    const expired = await createChallenge(accountId, new Date(Date.now() - 2 * 24 * 3600_000), 60_000, "activation");
    const signInChallenge = await createChallenge(accountId, new Date(), 60_000, "sign-in");
    // Another activation's challenge, its account since activated.
    const activated = await activationUnderWay();
    await (await database()).prisma.account.update({ where: { id: activated.accountId }, data: { activatedAt: new Date() } });
    const cookies = [undefined, activationCookie("forged"), activationCookie(expired), activationCookie(signInChallenge), activationCookie("%E0%A4%A"), activated.cookie];
    for (const [page, path] of STEPS) {
      for (const cookie of cookies) {
        const answer = await servePage(page, path, { cookie });
        expect(answer.status, `${path} ${cookie}`).toBe(200);
        expectExpired(answer.html, `${path} ${cookie}`);
        expect(answer.html, `${path} ${cookie}`).not.toContain(email);
        expect(answer.html, `${path} ${cookie}`).not.toContain(activated.email);
      }
    }
  });

  it("reads the activation's cookie URL-decoded, as cookies() did", async () => {
    const { cookie, challengeId, email } = await activationUnderWay();
    // The same value with its first character escaped (%XX): the browser's cookie, decoded.
    const escaped = activationCookie(`%${challengeId.charCodeAt(0).toString(16).toUpperCase()}${challengeId.slice(1)}`);
    for (const c of [cookie, escaped]) expect((await servePage(passwordPage, "/activer/mot-de-passe", { cookie: c })).html).toContain(`value="${email}"`);
  });

  it("takes the password with the account's address for password managers, and words only the known refusals", async () => {
    const { cookie, email } = await activationUnderWay();
    const html = (await servePage(passwordPage, "/activer/mot-de-passe", { cookie })).html!;
    expect(html).toContain('action="/activer/etape/mot-de-passe"');
    const username = /<input [^>]*name="username"[^>]*>/.exec(html)?.[0];
    expect(username).toContain(`value="${email}"`);
    expect(username).toMatch(/type="hidden"/);
    expect(username).toMatch(/autocomplete="username"/i);
    expect(html).not.toContain('role="alert"');
    // The minimum is said beside the field and read with it, not left to the browser's own bubble.
    const password = /<input [^>]*name="password"[^>]*>/.exec(html)?.[0] ?? "";
    expect(password).toMatch(/minlength="12"/i);
    expect(password).toContain('aria-describedby="field-password-hint"');
    expect(html).toContain('<p id="field-password-hint" class="text-sm text-slate-700">Au moins 12 caractères.</p>');
    for (const erreur of ["faible", "different", "longueur"]) expect((await servePage(passwordPage, `/activer/mot-de-passe?erreur=${erreur}`, { cookie })).html, erreur).toContain('role="alert"');
    expect((await servePage(passwordPage, "/activer/mot-de-passe?erreur=different", { cookie })).html).toContain("ne sont pas identiques");
    for (const erreur of ["toString", "constructor", "%3Cscript%3E"]) {
      const forged = (await servePage(passwordPage, `/activer/mot-de-passe?erreur=${erreur}`, { cookie })).html!;
      expect(forged, erreur).not.toContain('role="alert"');
      expect(forged, erreur).not.toMatch(/object Object|function|&lt;script/);
    }
  });

  it("sends to the password step before a password, then shows the TOTP secret being set up and the passkey button, with no other key in its props", async () => {
    const { cookie, accountId, challengeId } = await activationUnderWay();
    expect(await servePage(secondFactorPage, "/activer/second-facteur", { cookie })).toEqual({ status: 307, redirect: "/activer/mot-de-passe" });
    const secret = await choosePassword(accountId);

    const props = await secondFactorPage.getServerSideProps({
      req: { headers: { cookie, "x-forwarded-for": "10.0.0.21", "x-nonce": "bm9uY2U" }, socket: {} },
      res: { statusCode: 200 },
      query: {},
    } as unknown as Parameters<typeof secondFactorPage.getServerSideProps>[0]);
    if (!("props" in props)) throw new Error("expected props");
    const { data } = await props.props;
    if (!data || data.expired) throw new Error("expected the step");
    expect(data.key.replace(/ /g, "")).toBe(secret);
    expect(data.qr).toMatch(/^data:image\/png;base64,/);
    const json = JSON.stringify(props);
    expect(json).not.toMatch(/passwordHash|totpSecret|pendingTotpSecret|\$argon|challenge/i);
    expect(json).not.toContain(challengeId);

    const html = (await servePage(secondFactorPage, "/activer/second-facteur", { cookie, headers: { "x-nonce": "bm9uY2U" } })).html!;
    expect(html).toContain(`data-testid="totp-key">${secret.match(/.{1,4}/g)!.join(" ")}</code>`);
    expect(html).toContain('action="/activer/etape/totp"');
    expect(html).not.toContain("Ce code ne correspond pas");
    expect(html).toMatch(/<script id="simplewebauthn" src="\/js\/simplewebauthn\.js\?v=[0-9a-f]{16}" nonce="bm9uY2U" defer="">/);
    expect(html).toContain('data-passkey="register"');
    expect(html).toContain('data-passkey-options="/activer/cle/options"');
    expect(html).toContain('data-passkey-next="/activer/codes-secours"');
    expect(html).toContain('data-testid="passkey-needs-script"');
    expect((await servePage(secondFactorPage, "/activer/second-facteur?erreur=1", { cookie })).html).toContain("Ce code ne correspond pas");

    // The app confirmed: on to the recovery codes.
    expect(await confirmTotpEnrolment(accountId, totpCode(secret, new Date()), new Date())).toEqual({ ok: true });
    expect(await servePage(secondFactorPage, "/activer/second-facteur", { cookie })).toEqual({ status: 307, redirect: "/activer/codes-secours" });
  });

  it("shows the recovery codes once, after a second factor: an App Router prefetch makes none, a reload shows none and still finishes", async () => {
    const { cookie, accountId } = await activationUnderWay();
    const secret = await choosePassword(accountId);
    expect(await servePage(recoveryCodesPage, "/activer/codes-secours", { cookie })).toEqual({ status: 307, redirect: "/activer/second-facteur" });
    expect(await confirmTotpEnrolment(accountId, totpCode(secret, new Date()), new Date())).toEqual({ ok: true });

    expect(await servePage(recoveryCodesPage, "/activer/codes-secours", { cookie, headers: PREFETCH })).toEqual({ status: 204, ended: true });
    expect(await remainingRecoveryCodes(accountId)).toBe(0);

    const codesIn = (html: string) => [...html.matchAll(/<li>([A-Za-z0-9-]+)<\/li>/g)].map((m) => m[1]);
    const first = (await servePage(recoveryCodesPage, "/activer/codes-secours", { cookie })).html!;
    expect(codesIn(first)).toHaveLength(10);
    expect(await remainingRecoveryCodes(accountId)).toBe(10);
    const reload = (await servePage(recoveryCodesPage, "/activer/codes-secours", { cookie })).html!;
    expect(codesIn(reload)).toEqual([]);
    expect(reload).not.toContain('data-testid="recovery-codes"');
    expect(reload).toContain('action="/activer/etape/terminer"');
    // Not « ces codes » above nothing, nor « J'ai mis mes codes en lieu sûr »: where to make new ones.
    expect(first).toContain("chacun de ces codes vous permet de vous connecter une fois");
    expect(reload).not.toContain("chacun de ces codes");
    expect(reload).not.toContain("J&#x27;ai mis mes codes en lieu sûr");
    expect(reload).toContain("Vos codes de secours ont déjà été affichés : ils ne le sont qu&#x27;une fois.");
    expect(reload).toContain("créez-en dix nouveaux dans « Mon compte »");
    expect(reload).toMatch(/<button[^>]*>Accéder à mon espace<\/button>/);
  });

  it("answer an App Router prefetch 204 before reading anything", async () => {
    const { cookie } = await activationUnderWay();
    for (const [page, path] of [[anyPage(activationPage), "/activer"] as const, ...STEPS]) {
      expect(await servePage(page, path, { cookie, headers: PREFETCH }), path).toEqual({ status: 204, ended: true });
    }
  });
});
