import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as invitationPage from "@/pages/invitation/[token]";
import * as invalidInvitationPage from "@/pages/invitation/invalide";
import * as cancelPage from "@/pages/invitation/annuler/[token]";
import * as cancelledPage from "@/pages/invitation/annuler/fait";
import * as invalidCancelPage from "@/pages/invitation/annuler/invalide";
import { addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { formatDay } from "@/lib/documents/format";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { clock } from "../delegations/test-clock";
import { buildWorld, cancelSecretOf, locationOf, noticeOf, personWithAccount, post, secretFromOutbox, type World } from "../delegations/world";
import { sessionOf, signIn } from "../fhir-api/http";
import { createAccount } from "@/server/db/account-store";
import { insertInvitation } from "@/server/db/delegation-invitation-store";
import { hashSecret, newSecret } from "@/server/delegations/invitation-secret";
import { servePage } from "./pages-route";

vi.mock("@/server/clock", () => import("../delegations/test-clock"));
const db = useTestDatabase();

/**
 * The pages an invitation's e-mails link to (/invitation/<secret>, /invitation/annuler/<secret>)
 * and where their forms land, served by the Pages Router without runtime JavaScript: their
 * getServerSideProps with the request Next hands them, then the HTML. The secret in the address
 * is the permission: a malformed, unknown or spent one shows nothing of any invitation, and a
 * GET (or an App Router prefetch) spends or changes nothing.
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
beforeEach(() => {
  clock.offsetMs = 0;
});

const PREFETCH = { rsc: "1", "next-router-prefetch": "1" };
const endDay = () => addMonthsToDay(parisDayOf(new Date()), 11);

/** Camille invites `email` (see and add her documents); the invitation's secret and the cancel link's, as e-mailed. */
async function invite(email: string) {
  const answer = await post("inviter", { prenom: "Proche", nom: "Test", email, lien: "enfant", droits: ["documents:read", "documents:write"], fin: endDay() }, world.camille.session.cookie);
  expect(noticeOf(answer)).toBe("invite");
  const secret = (await secretFromOutbox(db(), email, "invitation"))!;
  const cancel = (await cancelSecretOf(db(), email, "invited"))!;
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(cancel).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { secret, cancel };
}

const invitationRow = async (email: string) =>
  (await db().sql.query<{ accepted_at: Date | null; cancelled_at: Date | null; related_person_id: string | null }>("SELECT accepted_at, cancelled_at, related_person_id FROM delegation_invitation WHERE email = $1", [email]))[0];
const auditRows = async () => Number((await db().sql.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_event WHERE patient_id = $1::uuid", [world.camille.patientId]))[0]!.n);

const openInvitation = (secret: string, options: { cookie?: string; query?: string; headers?: Record<string, string> } = {}) =>
  servePage(invitationPage, `/invitation/${secret}${options.query ?? ""}`, { params: { token: secret }, cookie: options.cookie, headers: options.headers });
const openCancel = (secret: string, options: { headers?: Record<string, string> } = {}) =>
  servePage(cancelPage, `/invitation/annuler/${secret}`, { params: { token: secret }, headers: options.headers });

describe("the invitation page (Pages Router)", () => {
  it("shows a visitor who invites, the rights and the last day, and the two ways on: sign in with the invited address, or open an account with the form carrying the secret", async () => {
    const email = `visiteur-${Date.now()}@example.org`;
    const { secret } = await invite(email);
    const answer = await openInvitation(secret);
    expect(answer.status).toBe(200);
    const html = answer.html!;
    expect(html).toMatch(/<h1[^>]*>Invitation d&#x27;un proche<\/h1>/);
    expect(html).toContain("Camille Proches vous invite à agir pour elle dans son espace santé.");
    // The rights as the invitee will hold them, about Camille: not in Camille's own words.
    expect(html).toContain(`<p>Vous pourrez voir ses documents, ajouter des documents à son dossier, jusqu&#x27;au ${formatDay(endDay())} inclus.</p>`);
    expect(html).not.toContain("voir mes documents");
    expect(html).toContain(`avec l&#x27;adresse ${email}, puis rouvrez ce lien`);
    expect(html).toContain('href="/connexion"');
    expect(html).toContain('action="/api/invitation/compte"');
    expect(html).toContain(`name="jeton" value="${secret}"`);
    for (const field of ["prenom", "nom", "naissance"]) expect(html).toMatch(new RegExp(`<input [^>]*required=""[^>]*name="${field}"`));
    // No birth date after today can be picked (the route refuses one too).
    expect(html).toMatch(new RegExp(`<input [^>]*type="date"[^>]*max="${parisDayOf(new Date())}"[^>]*name="naissance"|<input [^>]*name="naissance"[^>]*max="${parisDayOf(new Date())}"`));
    expect(html).not.toContain("/api/invitation/accepter");
    expect(html).not.toContain('role="alert"');
  });

  it("agrees « pour elle » / « pour lui » with the inviter's recorded sex, and needs no agreement when it is not known", async () => {
    for (const [gender, words] of [["male", "Marc Sexe vous invite à agir pour lui dans son espace santé."], ["unknown", "Marc Sexe vous invite à agir en son nom dans son espace santé."]] as const) {
      const inviter = await personWithAccount(world.system, "Marc", "Sexe", gender);
      const email = `accord-${gender}-${Date.now()}@example.org`;
      const answer = await post("inviter", { prenom: "Proche", nom: "Test", email, lien: "ami", droits: ["documents:read"], fin: endDay() }, inviter.session.cookie);
      expect(noticeOf(answer)).toBe("invite");
      const html = (await openInvitation((await secretFromOutbox(db(), email, "invitation"))!)).html!;
      expect(html, gender).toContain(words);
      expect(html, gender).not.toContain("elle ou lui");
    }
  });

  it("writes a last day on the first of a month as French does: « jusqu'au 1er … inclus »", async () => {
    const email = `premier-${Date.now()}@example.org`;
    const firstOfMonth = `${endDay().slice(0, 8)}01`;
    const answer = await post("inviter", { prenom: "Proche", nom: "Premier", email, lien: "enfant", droits: ["documents:read"], fin: firstOfMonth }, world.camille.session.cookie);
    expect(noticeOf(answer)).toBe("invite");
    const secret = (await secretFromOutbox(db(), email, "invitation"))!;
    const html = (await openInvitation(secret)).html!;
    expect(html).toMatch(/jusqu&#x27;au 1er [a-zéû]+ \d{4} inclus\./);
  });

  // Found by an exploratory test of the demo: every delegation reads the person's messages with
  // her professionals (access/agent-decision.ts), and the rights listed were all the invitee and
  // the patient were told of.
  it("tells the invitee that the messages can be read too, whatever the rights", async () => {
    const { secret } = await invite(`messages-${Date.now()}@example.org`);
    expect((await openInvitation(secret)).html!).toContain("Vous pourrez aussi lire ses messages avec ses professionnels de santé : toute délégation le permet.");
  });

  it("offers the invited address's account the accept button, and tells a professional they cannot accept", async () => {
    const { secret } = await invite(world.jean.email);
    const patient = (await openInvitation(secret, { cookie: world.jean.session.cookie })).html!;
    expect(patient).toContain("Vous utilisez le compte de Jean Invite.");
    expect(patient).toContain('action="/api/invitation/accepter"');
    expect(patient).toContain(`name="jeton" value="${secret}"`);
    expect(patient).not.toContain("/api/invitation/compte");
    const email = world.jean.email;

    const practitioner = await signIn(`Practitioner/${(await world.system.create(aPractitioner({ given: "Paul", family: "Pro" }))).id!}`);
    const pro = (await openInvitation(secret, { cookie: practitioner.cookie })).html!;
    expect(pro).toContain("Un compte de professionnel ne peut pas accepter l&#x27;invitation d&#x27;un proche.");
    expect(pro).not.toContain("<form");
    expect(pro).not.toContain(secret);
    expect(pro).not.toContain(email);
  });

  it("tells another account, or the inviter herself, up front that it cannot accept, with no button and nothing of the invited address", async () => {
    const email = `lucie-${Date.now()}@example.org`;
    const { secret } = await invite(email);
    for (const [who, cookie, words] of [
      ["Jean Invite", world.jean.session.cookie, "Cette invitation a été envoyée à une autre adresse e-mail que celle de ce compte : pour l&#x27;accepter, déconnectez-vous"],
      ["Camille Proches", world.camille.session.cookie, "Vous ne pouvez pas accepter votre propre invitation."],
    ] as const) {
      const html = (await openInvitation(secret, { cookie })).html!;
      expect(html, who).toContain(`Vous utilisez le compte de ${who}.`);
      expect(html, who).toContain(words);
      expect(html, who).not.toMatch(/<form|Accepter l&#x27;invitation|jeton/);
      expect(html, who).not.toContain(email);
    }
    // The route still refuses them, as before.
    expect(locationOf(await post("accepter", { jeton: secret }, world.jean.session.cookie)).search).toBe("?erreur=other-account");
  });

  it("tells the invitee acting in another's space to go back to her own first, with the switch that returns here instead of the button; the post stays refused", async () => {
    const nina = await personWithAccount(world.system, "Nina", "Ailleurs");
    await world.system.create(aDelegation({ patientId: world.eve.patientId, agentPatientId: nina.patientId, scopes: ["documents:read"] }));
    const inEve = await sessionOf(nina.account, world.eve.patientId);
    const { secret } = await invite(nina.email);
    const page = async (query?: string) => (await openInvitation(secret, { cookie: inEve.cookie, query })).html!.replace(/&#x27;/g, "'");
    const ELSEWHERE = "Vous agissez en ce moment dans l'espace d'une autre personne. Pour accepter cette invitation, revenez d'abord dans votre propre espace";

    const html = await page();
    expect(html).toContain("Vous utilisez le compte de Nina Ailleurs.");
    expect(html).toContain(ELSEWHERE);
    expect(html).not.toMatch(/action="\/api\/invitation\/accepter"|Accepter l'invitation/);
    const form = html.match(/<form [^>]*action="\/espace\/espace-actif"[^>]*>[\s\S]*?<\/form>/)?.[0];
    expect(form).toContain(`name="patientId" value="${nina.patientId}"`);
    expect(form).toContain(`name="retour" value="/invitation/${secret}"`);
    expect(form).toContain("Revenir à mon espace pour accepter");

    // Posted anyway (a page left open, a forged form): refused, nothing accepted, said once.
    const forced = await post("accepter", { jeton: secret }, inEve.cookie);
    expect(locationOf(forced).search).toBe("?erreur=not-own-space");
    expect(await invitationRow(nina.email)).toEqual({ accepted_at: null, cancelled_at: null, related_person_id: null });
    const refused = await page(locationOf(forced).search);
    expect(refused).toContain(ELSEWHERE);
    expect(refused).not.toContain("Revenez d'abord dans votre propre espace, puis rouvrez ce lien.");

    // A return that is not a page of this site switches nothing.
    for (const retour of ["//evil.example/invitation/x", "https://evil.example/", `/invitation/${secret}/../../connexion`, "/invitation/court", "/connexion", `/\\evil.example`]) {
      const answer = await post("espaceActif", { patientId: nina.patientId, retour }, inEve.cookie);
      expect(answer.status, retour).toBe(404);
      expect(answer.headers.get("location"), retour).toBeNull();
    }
    expect(await page()).toContain(ELSEWHERE);

    // The code of the switch's landing, in an address opened while still elsewhere: nothing said of a switch.
    const BACK = "Vous êtes de nouveau dans votre propre espace : vous pouvez maintenant accepter l'invitation.";
    expect(await page("?espace=revenu")).not.toContain(BACK);

    // The switch: back to her own space, then to the invitation, where the button shows, and a
    // status that says the switch happened has the focus (the page reloaded, looking much the same).
    const switched = await post("espaceActif", { patientId: nina.patientId, retour: `/invitation/${secret}` }, inEve.cookie);
    expect(switched.status).toBe(303);
    const landing = locationOf(switched);
    expect(landing.pathname).toBe(`/invitation/${secret}`);
    expect(landing.search).toBe("?espace=revenu");
    const back = await page(landing.search);
    expect(back).toContain('action="/api/invitation/accepter"');
    expect(back).not.toContain(ELSEWHERE);
    expect(back).toMatch(new RegExp(`<div role="status" tabindex="-1" autofocus=""[^>]*><div>${BACK}</div></div>`));
    // Opened again from the e-mail, no code: the page as it always was.
    expect(await page()).not.toContain(BACK);
  });

  // Invitations to a professional's address are refused when made (invite-caregiver.ts), but one
  // made before that check, still in the table, can reach a professional: written here as it was.
  it("tells a professional opening an old invitation to their address that a professional account cannot accept a relative's invitation, with no button, and refuses the post in the same words", async () => {
    const email = `pro-ancienne-${Date.now()}@example.org`;
    const practitionerId = (await world.system.create(aPractitioner({ given: "Sophie", family: "Ancienne" }))).id!;
    const account = await createAccount({ email, password: "Sante-Demo-2026!", totpSecret: null, kind: "practitioner", fhirRef: `Practitioner/${practitionerId}`, displayName: "Dr Sophie Ancienne" });
    const pro = await sessionOf(account);
    const secret = newSecret();
    const now = new Date();
    await insertInvitation(db().sql, {
      patientId: world.camille.patientId,
      given: "Sophie",
      family: "Ancienne",
      relationship: "ami",
      scopes: ["documents:read"],
      endDay: endDay(),
      email,
      createdBy: world.camille.account.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * 24 * 3600 * 1000),
      tokenHash: hashSecret(secret),
      cancelTokenHash: hashSecret(newSecret()),
    });
    const PRO_WORDS = "Un compte de professionnel ne peut pas accepter l'invitation d'un proche. Pour agir pour cette personne, demandez-lui une invitation à votre adresse e-mail personnelle.";
    const page = (await openInvitation(secret, { cookie: pro.cookie })).html!.replace(/&#x27;/g, "'");
    expect(page).toContain(PRO_WORDS);
    expect(page).not.toMatch(/<form|Accepter l'invitation|jeton|Revenez d'abord|Ce que vous pourrez faire/);
    expect(page).not.toContain(secret);
    expect(page).not.toContain(email);

    // Posted anyway (a page left open from another account, a forged form): refused in the same words, nothing accepted.
    const answer = await post("accepter", { jeton: secret }, pro.cookie);
    expect(locationOf(answer).pathname).toBe(`/invitation/${secret}`);
    expect(locationOf(answer).search).toBe("?erreur=professional");
    const refused = (await openInvitation(secret, { cookie: pro.cookie, query: locationOf(answer).search })).html!.replace(/&#x27;/g, "'");
    expect(refused).toContain(PRO_WORDS);
    expect(refused.split(PRO_WORDS)).toHaveLength(2);
    expect(refused).toContain('role="alert"');
    expect(refused).not.toMatch(/Revenez d'abord|<form|Ce que vous pourrez faire/);
    expect(await invitationRow(email)).toEqual({ accepted_at: null, cancelled_at: null, related_person_id: null });
  });

  it("says what a form came back with, for its own codes only", async () => {
    const { secret } = await invite(`erreur-${Date.now()}@example.org`);
    expect((await openInvitation(secret, { query: "?erreur=other-account" })).html).toContain("Cette invitation a été envoyée à une autre adresse e-mail");
    expect((await openInvitation(secret, { query: "?erreur=formulaire" })).html).toContain("Le formulaire est incomplet ou incorrect.");
    expect((await openInvitation(secret, { query: "?erreur=naissance" })).html).toContain("La date de naissance ne peut pas être dans le futur : vérifiez-la.");
    for (const forged of ["constructor", "__proto__", "%3Cb%3EAppelez%20le%2001%3C%2Fb%3E"]) {
      const html = (await openInvitation(secret, { query: `?erreur=${forged}` })).html!;
      expect(html, forged).not.toMatch(/role="alert"|Appelez|<b>|function/);
      expect(html, forged).toContain('action="/api/invitation/compte"');
    }
  });

  it("shows nothing of any invitation for a malformed or unknown secret: the page's « not valid », as before", async () => {
    const { secret } = await invite(`inconnu-${Date.now()}@example.org`);
    for (const token of ["pas-un-secret", `${secret}x`, "A".repeat(43), `${secret.slice(0, 42)}${secret.endsWith("A") ? "B" : "A"}`]) {
      const answer = await openInvitation(token, { query: "?erreur=formulaire" });
      expect(answer.status, token).toBe(200);
      expect(answer.html, token).toContain("Ce lien d&#x27;invitation n&#x27;est pas valable.");
      expect(answer.html, token).not.toMatch(/Camille|<form|jeton|Proches|documents|formulaire est incomplet/);
    }
  });

  it("says an expired, used or cancelled invitation can no longer be accepted, with who sent it but nothing else of it", async () => {
    const expired = `expire-${Date.now()}@example.org`;
    const { secret: old } = await invite(expired);
    clock.offsetMs = 7 * 24 * 3600 * 1000 + 1000;
    const late = (await openInvitation(old)).html!;
    clock.offsetMs = 0;
    expect(late).toContain("Cette invitation a expiré.");

    const { secret: usedSecret } = await invite(world.lea.email);
    expect(locationOf(await post("accepter", { jeton: usedSecret }, world.lea.session.cookie)).pathname).toBe("/espace/proches");
    const used = (await openInvitation(usedSecret, { cookie: world.lea.session.cookie })).html!;
    expect(used).toContain("Cette invitation a déjà été utilisée.");

    const cancelledEmail = `annulee-${Date.now()}@example.org`;
    const { secret: dead, cancel } = await invite(cancelledEmail);
    expect(locationOf(await post("annulerLien", { jeton: cancel })).pathname).toBe("/invitation/annuler/fait");
    const cancelled = (await openInvitation(dead)).html!;
    expect(cancelled).toContain("Cette invitation a été annulée.");

    for (const [html, email, secret] of [[late, expired, old], [used, world.lea.email, usedSecret], [cancelled, cancelledEmail, dead]] as const) {
      expect(html).toContain("Camille Proches vous invite");
      expect(html).not.toMatch(/<form|Ce que vous pourrez faire|voir (mes|ses) documents|jeton/);
      expect(html).not.toContain(email);
      expect(html).not.toContain(secret);
    }
  });

  it("spends nothing on a GET, and answers an App Router prefetch 204 before the secret is looked up (no audit row)", async () => {
    const email = `prefetch-${Date.now()}@example.org`;
    const { secret } = await invite(email);
    const before = await invitationRow(email);
    const rows = await auditRows();
    expect(await openInvitation(secret, { cookie: world.eve.session.cookie, headers: PREFETCH })).toEqual({ status: 204, ended: true });
    expect(await auditRows()).toBe(rows);
    for (const cookie of [undefined, world.eve.session.cookie]) expect((await openInvitation(secret, { cookie })).status).toBe(200);
    expect(await invitationRow(email)).toEqual(before);
    expect(before).toEqual({ accepted_at: null, cancelled_at: null, related_person_id: null });
    // The page's own read of the inviter's name is in her trail: the prefetch above made none.
    expect(await auditRows()).toBeGreaterThan(rows);
  });
});

describe("the one-click cancel page (Pages Router)", () => {
  it("shows the button with its secret, before and after acceptance, and cancels nothing on a GET or a prefetch", async () => {
    const email = world.eve.email;
    const { secret, cancel } = await invite(email);
    expect(await openCancel(cancel, { headers: PREFETCH })).toEqual({ status: 204, ended: true });
    const pending = await openCancel(cancel);
    expect(pending.status).toBe(200);
    expect(pending.html).toMatch(/<h1[^>]*>Annuler une délégation<\/h1>/);
    expect(pending.html).toContain("L&#x27;invitation n&#x27;a pas encore été acceptée.");
    expect(pending.html).toContain('action="/api/invitation/annuler"');
    expect(pending.html).toContain(`name="jeton" value="${cancel}"`);
    expect(pending.html).not.toContain(secret);
    expect(await invitationRow(email)).toMatchObject({ cancelled_at: null });

    // Accepting e-mails the patient a new cancel link, which replaces the first one.
    expect(locationOf(await post("accepter", { jeton: secret }, world.eve.session.cookie)).pathname).toBe("/espace/proches");
    const after = (await cancelSecretOf(db(), email, "accepted"))!;
    expect(after).not.toBe(cancel);
    const accepted = (await openCancel(after)).html!;
    expect(accepted).toContain("La personne invitée a accepté.");
    expect(accepted).toContain(`name="jeton" value="${after}"`);
    expect(await invitationRow(email)).toMatchObject({ cancelled_at: null });
    // The first e-mail's link, opened now: it says where the working one is, not only « pas valable »
    // while the delegation runs on (a walk of the invitation).
    const replaced = (await openCancel(cancel)).html!;
    expect(replaced).toContain("Ce lien d&#x27;annulation n&#x27;est pas valable ou a déjà servi.");
    expect(replaced).toContain("un nouvel e-mail vous donne un nouveau lien d&#x27;annulation, qui remplace le précédent : utilisez le plus récent.");
    expect(replaced).toContain("retirer la délégation dans « Proches et délégations »");

    // Spent by the post: the page then says so, with no form.
    expect(locationOf(await post("annulerLien", { jeton: after })).pathname).toBe("/invitation/annuler/fait");
    expect(await invitationRow(email)).not.toMatchObject({ cancelled_at: null });
    const spent = await openCancel(after);
    expect(spent.html).toContain("Ce lien d&#x27;annulation n&#x27;est pas valable ou a déjà servi.");
    expect(spent.html).not.toMatch(/<form|jeton/);
  });

  it("shows no form for a malformed or unknown secret, nor for the invitation's own secret", async () => {
    const { secret } = await invite(`autre-${Date.now()}@example.org`);
    for (const token of ["pas-un-secret", "B".repeat(43), secret]) {
      const answer = await openCancel(token);
      expect(answer.status, token).toBe(200);
      expect(answer.html, token).toContain("Ce lien d&#x27;annulation n&#x27;est pas valable ou a déjà servi.");
      expect(answer.html, token).not.toMatch(/<form|jeton|Camille/);
    }
  });
});

describe("where the invitation's forms land (Pages Router)", () => {
  it("says it is done, or that the link was not valid, in the portal's frame", async () => {
    const done = await servePage(cancelledPage, "/invitation/annuler/fait");
    expect(done.status).toBe(200);
    expect(done.html).toMatch(/<h1[^>]*>Délégation annulée<\/h1>/);
    expect(done.html).toContain("la délégation est annulée et ne donne plus aucun accès à votre espace.");
    const refused = await servePage(invalidCancelPage, "/invitation/annuler/invalide");
    expect(refused.html).toMatch(/<h1[^>]*>Annuler une délégation<\/h1>/);
    expect(refused.html).toContain("Ce lien d&#x27;annulation n&#x27;est pas valable ou a déjà servi : rien n&#x27;a changé.");
    expect(refused.html).toContain("utilisez le plus récent");
    const invalid = await servePage(invalidInvitationPage, "/invitation/invalide");
    expect(invalid.html).toMatch(/<h1[^>]*>Invitation d&#x27;un proche<\/h1>/);
    expect(invalid.html).toContain("Ce lien d&#x27;invitation n&#x27;est pas valable.");
    for (const page of [cancelledPage, invalidCancelPage, invalidInvitationPage]) {
      expect(await servePage(page, "/invitation/invalide", { headers: PREFETCH })).toEqual({ status: 204, ended: true });
    }
  });
});
