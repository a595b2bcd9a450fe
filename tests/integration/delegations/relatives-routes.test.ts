import type { RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { formatDateTime } from "@/lib/documents/format";
import { createRepository } from "@/server/fhir/repository";
import { listAccessHistory } from "@/server/history/list-access-history";
import { listRelatives } from "@/server/delegations/list-relatives";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { createAccount } from "@/server/db/account-store";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import * as relativesPage from "@/pages/espace/proches";
import * as delegationPage from "@/pages/espace/proches/[id]";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { fhir, sessionOf } from "../fhir-api/http";
import { clock } from "./test-clock";
import { delegationsTick } from "@/server/delegations/delegations-tick";
import { buildWorld, cancelSecretOf, personWithAccount, errorOf, locationOf, noticeOf, post, postId, secretFromOutbox, type World } from "./world";

vi.mock("@/server/clock", () => import("./test-clock"));
// A database of its own: delegationsTick() claims every live accepted invitation of the database it
// runs on and gives it a fresh cancel secret. On the shared database it once took another file's
// invitation between that file's reading of its cancel link and its use (invitation-pages.test.ts
// failed in CI: "invalide" for a link it had just shown).
const db = useTestDatabase({ fresh: true });

/**
 * "Proches et délégations" through its routes, as a browser posts them, with real sessions
 * (SECURITY-CASES 22, 23, 26, 50): the invitation link is single use and bound to the invited
 * address, the one-click cancel cannot be forged, a delegation acts only after its pause, a
 * caregiver manages no delegation, and a revocation applies at the caregiver's next request.
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
beforeEach(() => {
  clock.offsetMs = 0;
});

const HOUR = 3600 * 1000;
const inAYear = () => addMonthsToDay(parisDayOf(new Date()), 11);
const invitationCount = async () => Number((await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM delegation_invitation WHERE patient_id = $1::uuid", [world.camille.patientId]))[0]?.n ?? 0);
const relatedPersons = async (agentPatientId: string) =>
  (await db().prisma.resource.findMany({ where: { patientId: world.camille.patientId, resourceType: "RelatedPerson", actorRef: `Patient/${agentPatientId}` } })).map((row) => row.content as unknown as RelatedPerson);

async function inviteAndGetSecret(email: string, droits: string[] = ["documents:read"]): Promise<string> {
  const answer = await post("inviter", { prenom: "Proche", nom: "Test", email, lien: "enfant", droits, fin: inAYear() }, world.camille.session.cookie);
  expect(noticeOf(answer)).toBe("invite");
  const secret = await secretFromOutbox(db(), email, "invitation");
  expect(secret).toBeDefined();
  return secret!;
}

/** Whether `cookie` can open Camille's space now (the space switcher), and read her document. */
async function switchTo(cookie: string): Promise<number> {
  return (await post("espaceActif", { patientId: world.camille.patientId }, cookie)).status;
}
const readDocument = async (cookie: string) => (await fhir("GET", `DocumentReference/${world.documentId}`, { cookie })).status;

describe("inviting", () => {
  it("e-mails a single-use link with no name in the subject, tells the patient with a cancel link, and shows the link once", async () => {
    const answer = await post("inviter", { prenom: "Jean", nom: "Invite", email: world.jean.email, lien: "enfant", droits: ["documents:read", "documents:write"], fin: inAYear() }, world.camille.session.cookie);
    expect(answer.status).toBe(303);
    expect(noticeOf(answer)).toBe("invite");
    expect(answer.headers.get("set-cookie")).toMatch(/invitation-creee=.+; Path=\/espace\/proches; Max-Age=600; SameSite=Strict; HttpOnly/);
    const [mail] = await db().sql.query<{ subject: string; text_body: string }>("SELECT subject, text_body FROM email_outbox WHERE recipient = $1", [world.jean.email]);
    expect(mail?.subject).not.toMatch(/Camille|Proches/);
    expect(mail?.text_body).not.toMatch(/Camille|Proches|Bilan/);
    expect(await secretFromOutbox(db(), world.camille.email, "annuler")).toBeDefined();
    const stored = await db().sql.query<{ token_hash: string }>("SELECT token_hash FROM delegation_invitation WHERE email = $1", [world.jean.email]);
    // Stored hashed: the secret of the e-mail is nowhere in the table.
    const secret = (await secretFromOutbox(db(), world.jean.email, "invitation"))!;
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toContain(secret);
  });

  it("refuses an end date beyond three years, in the past or not a day, a right that does not exist, a bad name or e-mail, each with its own message; nothing is stored", async () => {
    const before = await invitationCount();
    const far = addMonthsToDay(parisDayOf(new Date()), 12 * 3 + 1);
    for (const [fields, notice, words] of [
      [{ fin: far, droits: ["documents:read"] }, "date", "La date de fin doit être entre aujourd'hui et dans trois ans au plus."],
      [{ fin: "2001-01-01", droits: ["documents:read"] }, "date", "La date de fin doit être entre aujourd'hui et dans trois ans au plus."],
      [{ fin: "demain", droits: ["documents:read"] }, "date", "La date de fin doit être entre aujourd'hui et dans trois ans au plus."],
      [{ fin: inAYear(), droits: ["delegations:manage"] }, "formulaire", "Le formulaire est incomplet ou incorrect : rien n'a été enregistré."],
      // A field the person types, refused alone, is named: the page marks it.
      [{ fin: inAYear(), droits: ["documents:read"], prenom: " " }, "prenom", "Le prénom manque, dépasse 80 caractères ou contient un caractère non accepté (< ou >). Rien n'a été envoyé."],
      [{ fin: inAYear(), droits: ["documents:read"], nom: "<b>Y</b>" }, "nom", "Le nom manque, dépasse 80 caractères ou contient un caractère non accepté (< ou >). Rien n'a été envoyé."],
      [{ fin: inAYear(), droits: ["documents:read"], email: "x@" }, "email", "L'adresse e-mail n'est pas valide : indiquez-la sous la forme nom@exemple.fr. Rien n'a été envoyé."],
      [{ fin: "demain", droits: ["documents:read"], email: "x@" }, "formulaire", "Le formulaire est incomplet ou incorrect : rien n'a été enregistré."],
    ] satisfies [{ fin: string; droits: string[]; prenom?: string; nom?: string; email?: string }, string, string][]) {
      const answer = await post("inviter", { prenom: "X", nom: "Y", email: "x@example.org", lien: "ami", ...fields }, world.camille.session.cookie);
      expect(answer.status).toBe(303);
      expect(noticeOf(answer), JSON.stringify(fields)).toBe(notice);
      // The page she comes back to says what was wrong, not the legal guardian's message.
      const page = await servePage(relativesPage, `${locationOf(answer).pathname}${locationOf(answer).search}`, { cookie: world.camille.session.cookie });
      const text = page.html!.replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      expect(text).toContain(words);
      expect(text).not.toContain("représentant légal ne se retire pas");
    }
    expect(await invitationCount()).toBe(before);
    expect(await db().sql.query("SELECT 1 FROM email_outbox WHERE recipient = 'x@example.org'")).toEqual([]);
  });

  it("refuses an invitation to her own address, in any spelling, with its own message; nothing is stored or e-mailed", async () => {
    const before = await invitationCount();
    const mails = async () => (await db().sql.query("SELECT 1 FROM email_outbox WHERE recipient = $1", [world.camille.email])).length;
    const mailsBefore = await mails();
    const answer = await post("inviter", { prenom: "Paul", nom: "Durand", email: ` ${world.camille.email.toUpperCase()} `, lien: "ami", droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie);
    expect(answer.status).toBe(303);
    expect(noticeOf(answer)).toBe("soi-meme");
    const page = await servePage(relativesPage, `${locationOf(answer).pathname}${locationOf(answer).search}`, { cookie: world.camille.session.cookie });
    expect(page.html!.replace(/&#x27;/g, "'")).toContain("Vous ne pouvez pas vous inviter vous-même : indiquez l'adresse e-mail du proche à inviter. Rien n'a été envoyé.");
    expect(page.html).not.toContain("Paul Durand");
    expect(await invitationCount()).toBe(before);
    expect(await mails()).toBe(mailsBefore);
  });

  it("refuses an invitation whose tie was left on « Choisissez » (no browser check), saying the form is incomplete; nothing is stored or e-mailed", async () => {
    const before = await invitationCount();
    const email = `sans-lien-${Date.now()}@example.org`;
    const answer = await post("inviter", { prenom: "Sans", nom: "Lien", email, lien: "", droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie);
    expect(noticeOf(answer)).toBe("formulaire");
    const page = await servePage(relativesPage, `${locationOf(answer).pathname}${locationOf(answer).search}`, { cookie: world.camille.session.cookie });
    expect(page.html).toContain("Le formulaire est incomplet ou incorrect : rien n&#x27;a été enregistré.");
    expect(await invitationCount()).toBe(before);
    expect((await db().sql.query("SELECT 1 FROM email_outbox WHERE recipient = $1", [email])).length).toBe(0);
  });

  it("answers the address of a professional's account, in any spelling, as any other address: the form does not tell who has an account", async () => {
    // Refused with its own notice, the form told any signed-in patient which addresses are a
    // professional's account, one post each, at no cost (a refusal spent no invitation of the day).
    const practitionerId = (await world.system.create(aPractitioner({ given: "Sophie", family: "Invitee" }))).id!;
    const email = `sophie-${Date.now()}@example.org`;
    await createAccount({ email, password: "Sante-Demo-2026!", totpSecret: null, kind: "practitioner", fhirRef: `Practitioner/${practitionerId}`, displayName: "Dr Sophie Invitee" });
    const before = await invitationCount();
    const invite = (address: string) => post("inviter", { prenom: "Sophie", nom: "Invitee", email: address, lien: "ami", droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie);
    const professional = await invite(` ${email.toUpperCase()} `);
    const nobody = await invite(`personne-${Date.now()}@example.org`);
    expect([professional.status, noticeOf(professional)]).toEqual([nobody.status, noticeOf(nobody)]);
    expect(noticeOf(professional)).toBe("invite");
    expect(await invitationCount()).toBe(before + 2);
    // The professional's account still cannot accept it (acceptInvitation: « professional »).
    expect(await secretFromOutbox(db(), email, "invitation")).toBeDefined();
  });

  it("is refused to a caregiver acting in the patient's space, even one who may manage her sharing (404, nothing stored)", async () => {
    const before = await invitationCount();
    const answer = await post("inviter", { prenom: "Autre", nom: "Aidant", email: "autre@example.org", lien: "ami", droits: ["documents:read"], fin: inAYear() }, world.hugoInCamille.cookie);
    expect(answer.status).toBe(404);
    expect(await invitationCount()).toBe(before);
    for (const route of ["modifier", "retirer", "renouveler", "confirmer"] as const) {
      const refused = await postId(route, world.hugoRp, { droits: ["documents:read", "documents:write", "prescriptions:read"], fin: inAYear() }, world.hugoInCamille.cookie);
      expect(refused.status, route).toBe(404);
    }
    const [hugo] = await relatedPersons(world.hugo.patientId);
    expect(hugo?.meta?.versionId).toBe("1");
  });
});

describe("what a delegation gives", () => {
  // Found by an exploratory test of the demo: Jean gave « voir mes documents, voir mes
  // ordonnances », and was not told his caregiver would read his messages too, as every
  // delegation does (access/agent-decision.ts).
  it("says, where the rights are chosen, that every delegation reads the messages", async () => {
    const html = (await servePage(relativesPage, "/espace/proches", { cookie: world.camille.session.cookie })).html!.replace(/&#x27;/g, "'");
    expect(html).toContain("Toute délégation permet aussi de lire vos messages avec vos professionnels de santé ; y écrire en votre nom est un droit à cocher.");
  });
});

describe("accepting", () => {
  it("refuses another account than the invited address's, and the patient's own; then accepts once, and a replay says it was used", async () => {
    const secret = await inviteAndGetSecret(world.lea.email);
    expect(errorOf(await post("accepter", { jeton: secret }, world.eve.session.cookie))).toBe("other-account");
    expect(errorOf(await post("accepter", { jeton: secret }, world.camille.session.cookie))).toBe("own-invitation");
    expect(await relatedPersons(world.eve.patientId)).toHaveLength(0);

    const accepted = await post("accepter", { jeton: secret }, world.lea.session.cookie);
    expect(locationOf(accepted).pathname).toBe("/espace/proches");
    expect(noticeOf(accepted)).toBe("acceptee");
    const replay = await post("accepter", { jeton: secret }, world.lea.session.cookie);
    expect(errorOf(replay)).toBe("used");
    expect(await relatedPersons(world.lea.patientId)).toHaveLength(1);
  });

  it("grants nothing during the 24-hour pause (not at 23 hours), then the rights chosen", async () => {
    const secret = await inviteAndGetSecret(world.jean.email);
    await post("accepter", { jeton: secret }, world.jean.session.cookie);
    expect(await switchTo(world.jean.session.cookie)).toBe(404);
    clock.offsetMs = 23 * HOUR;
    expect(await switchTo(world.jean.session.cookie)).toBe(404);
    clock.offsetMs = 25 * HOUR;
    expect(await switchTo(world.jean.session.cookie)).toBe(303);
    expect(await readDocument(world.jean.session.cookie)).toBe(200);
  });

  it("shows the caregiver, during the pause, from when she will act (without the person's name), not « Vous n'agissez pour personne »", async () => {
    const sarah = await personWithAccount(world.system, "Sarah", "Pause", "female");
    const secret = await inviteAndGetSecret(sarah.email);
    expect(noticeOf(await post("accepter", { jeton: secret }, sarah.session.cookie))).toBe("acceptee");
    const start = (await relatedPersons(sarah.patientId))[0]!.period!.start!;
    const page = async () => (await servePage(relativesPage, "/espace/proches", { cookie: sarah.session.cookie })).html!.replace(/&#x27;/g, "'");
    const during = await page();
    expect(during).toContain(`Invitation acceptée : vous pourrez agir pour cette personne à partir du ${formatDateTime(start)}, sauf si elle confirme plus tôt ou annule.`);
    expect(during).not.toContain("Vous n'agissez pour personne.");
    expect(during).not.toContain("Camille");
    clock.offsetMs = 25 * HOUR;
    const after = await page();
    expect(after).toContain("Camille Proches — vous êtes son aidante");
    expect(after).not.toContain("vous pourrez agir pour cette personne");
  });

  // Found by an exploratory test of the demo: the list named a caregiver as the patient had typed
  // her in the invitation, while the history named her as her account does.
  it("lists a pending invitation under the name typed, and once accepted the account holder's own name, written in the delegation", async () => {
    const romane = await personWithAccount(world.system, "Romane", "Titulaire");
    const answer = await post("inviter", { prenom: "Romy", nom: "Surnom", email: romane.email, lien: "ami", droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie);
    expect(noticeOf(answer)).toBe("invite");
    const page = async (path = "/espace/proches") => (await servePage(relativesPage, path, { cookie: world.camille.session.cookie })).html!;
    const pending = await page();
    expect(pending).toContain("Romy Surnom");
    expect(pending).not.toContain("Romane Titulaire");
    const secret = await secretFromOutbox(db(), romane.email, "invitation");
    expect(noticeOf(await post("accepter", { jeton: secret! }, romane.session.cookie))).toBe("acceptee");

    const accepted = await page();
    expect(accepted).toContain("Romane Titulaire");
    expect(accepted).not.toContain("Romy Surnom");
    // In Camille's record (her FHIR data, her export), not read from Romane's on each view.
    const [person] = await relatedPersons(romane.patientId);
    expect(person!.name).toEqual([{ family: "Titulaire", given: ["Romane"] }]);
    const own = (await servePage(delegationPage, `/espace/proches/${person!.id}`, { cookie: world.camille.session.cookie, params: { id: person!.id! } })).html!;
    expect(own).toContain("Romane Titulaire");
    expect(own).not.toContain("Romy Surnom");
  });

  // Found by an exploratory test of the demo: Jean invited « Test Essai » at the address of
  // Camille, already his caregiver; she accepted, and Jean's list showed a second delegate under
  // the typed name, which « Retirer » on Camille's would have left in place.
  it("refuses a second delegation to someone who already acts for the patient, during the pause and after; accepts again once the first is revoked", async () => {
    const noe = await personWithAccount(world.system, "Noe", "Deuxfois");
    expect(noticeOf(await post("accepter", { jeton: await inviteAndGetSecret(noe.email) }, noe.session.cookie))).toBe("acceptee");
    const second = await inviteAndGetSecret(noe.email, ["documents:read", "audit:read"]);
    expect(errorOf(await post("accepter", { jeton: second }, noe.session.cookie))).toBe("already-acting");
    clock.offsetMs = 25 * HOUR;
    expect(errorOf(await post("accepter", { jeton: second }, noe.session.cookie))).toBe("already-acting");
    const [first, ...others] = await relatedPersons(noe.patientId);
    expect(others).toHaveLength(0);
    expect(noticeOf(await postId("retirer", first!.id!, {}, world.camille.session.cookie))).toBe("retiree");
    expect(noticeOf(await post("accepter", { jeton: second }, noe.session.cookie))).toBe("acceptee");
    expect(await relatedPersons(noe.patientId)).toHaveLength(2);
  });

  it("says an expired link has expired", async () => {
    const secret = await inviteAndGetSecret(`tard-${Date.now()}@example.org`);
    clock.offsetMs = 7 * 24 * HOUR + 1000;
    expect(errorOf(await post("accepter", { jeton: secret }, world.eve.session.cookie))).toBe("expired");
  });

  it("says a made-up link is not valid", async () => {
    const forged = "A".repeat(43);
    expect(errorOf(await post("accepter", { jeton: forged }, world.eve.session.cookie))).toBe("unknown");
  });
});

describe("the invitation link just created, offered for copying on « Proches et délégations »", () => {
  /** An invitation by Camille, and the cookie that carries its link back to her page. */
  async function invite(email: string) {
    const answer = await post("inviter", { prenom: "Paul", nom: "Copie", email, lien: "ami", droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie);
    const sealed = /(?:^|, )((?:__Secure-)?espace-sante\.invitation-creee=[^;]+)/.exec(answer.headers.get("set-cookie") ?? "")![1]!;
    const secret = (await secretFromOutbox(db(), email, "invitation"))!;
    const page = async () => (await servePage(relativesPage, "/espace/proches", { cookie: `${world.camille.session.cookie}; ${sealed}` })).html!.replace(/&#x27;/g, "'");
    return { secret, page };
  }
  const offered = (html: string, secret: string) => html.includes('id="lien-invitation"') || html.includes(secret);

  it("is offered while the invitation can be accepted, opening the page changes nothing; once accepted it is no longer offered, and the page says so", async () => {
    const paul = await personWithAccount(world.system, "Paul", "Copie");
    const { secret, page } = await invite(paul.email);
    for (let i = 0; i < 3; i++) {
      const open = await page();
      expect(open).toContain("Lien d'invitation à copier");
      expect(open).toContain(`/invitation/${secret}`);
    }
    expect(noticeOf(await post("accepter", { jeton: secret }, paul.session.cookie))).toBe("acceptee");
    const accepted = await page();
    expect(offered(accepted, secret)).toBe(false);
    expect(accepted).not.toContain("Copier le lien");
    expect(accepted).toContain("Paul Copie a déjà accepté l'invitation : son lien a servi et ne fonctionne plus.");
  });

  it("is not offered once the invitation is cancelled or has expired: the page says which", async () => {
    const cancelled = await invite(`copie-annulee-${Date.now()}@example.org`);
    const [row] = await db().sql.query<{ id: string }>("SELECT id FROM delegation_invitation WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')", [cancelled.secret]);
    await postId("annulerInvitation", row!.id, {}, world.camille.session.cookie);
    const afterCancel = await cancelled.page();
    expect(offered(afterCancel, cancelled.secret)).toBe(false);
    expect(afterCancel).toContain("L'invitation de Paul Copie a été annulée : son lien ne fonctionne plus.");

    const late = await invite(`copie-tard-${Date.now()}@example.org`);
    expect(offered(await late.page(), late.secret)).toBe(true);
    clock.offsetMs = 7 * 24 * HOUR + 1000;
    const afterExpiry = await late.page();
    expect(offered(afterExpiry, late.secret)).toBe(false);
    expect(afterExpiry).toContain("L'invitation de Paul Copie a expiré : son lien ne fonctionne plus.");
  });
});

describe("the patient's one-click cancel", () => {
  it("changes nothing with a forged secret, ends the delegation with the real one (during the pause), and works once", async () => {
    const email = `annule-${Date.now()}@example.org`;
    const secret = await inviteAndGetSecret(email);
    const forged = await post("annulerLien", { jeton: "B".repeat(43) });
    expect(locationOf(forged).pathname).toBe("/invitation/annuler/invalide");
    const cancel = (await cancelSecretOf(db(), email, "invited"))!;
    const done = await post("annulerLien", { jeton: cancel });
    expect(locationOf(done).pathname).toBe("/invitation/annuler/fait");
    const again = await post("annulerLien", { jeton: cancel });
    expect(locationOf(again).pathname).toBe("/invitation/annuler/invalide");
    // The invitation is dead too.
    expect(errorOf(await post("accepter", { jeton: secret }, world.eve.session.cookie))).toBe("cancelled");
  });

  it("after acceptance, ends the delegation even once the pause is over", async () => {
    const secret = await inviteAndGetSecret(world.eve.email);
    await post("accepter", { jeton: secret }, world.eve.session.cookie);
    const cancel = (await cancelSecretOf(db(), world.eve.email, "accepted"))!;
    clock.offsetMs = 25 * HOUR;
    expect(locationOf(await post("annulerLien", { jeton: cancel })).pathname).toBe("/invitation/annuler/fait");
    expect(await switchTo(world.eve.session.cookie)).toBe(404);
    const [person] = await relatedPersons(world.eve.patientId);
    expect(person?.active).toBe(false);
  });
});

describe("managing a caregiver", () => {
  it("confirm-now is the patient's own act; reducing rights and revoking apply at the caregiver's next request", async () => {
    const [lea] = await relatedPersons(world.lea.patientId);
    const id = lea!.id!;
    expect(await switchTo(world.lea.session.cookie)).toBe(404);
    expect(noticeOf(await postId("confirmer", id, {}, world.camille.session.cookie))).toBe("confirmee");
    expect(await switchTo(world.lea.session.cookie)).toBe(303);
    expect(await readDocument(world.lea.session.cookie)).toBe(200);

    // A caregiver widening her own rights: refused, nothing written.
    expect((await postId("modifier", id, { droits: ["documents:read", "privacy:manage"], fin: inAYear() }, world.lea.session.cookie)).status).toBe(404);

    expect(noticeOf(await postId("modifier", id, { droits: [], fin: inAYear() }, world.camille.session.cookie))).toBe("modifiee");
    expect(await readDocument(world.lea.session.cookie)).toBe(404);
    // Giving a right back waits out the pause (delegation-pause-api.test.ts), unless she confirms.
    expect(noticeOf(await postId("modifier", id, { droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie))).toBe("en-pause");
    expect(await readDocument(world.lea.session.cookie)).toBe(404);
    expect(noticeOf(await postId("confirmer", id, {}, world.camille.session.cookie))).toBe("confirmee");
    expect(await readDocument(world.lea.session.cookie)).toBe(200);

    // Camille's history says who read it, for her (« pour vous »: her own name is not read).
    const history = await listAccessHistory(await createRepository({ kind: "patient", accountId: world.camille.account.id, patientId: world.camille.patientId }), world.camille.patientId, 1);
    expect(history).toMatchObject({ ownHistory: true, patientName: undefined });
    expect(history.entries.some((e) => e.onBehalf && e.who === "Lea Aidante")).toBe(true);
    // The list says when she last acted; Hugo, who never did, has none.
    const overview = await listRelatives(await createRepository({ kind: "patient", accountId: world.camille.account.id, patientId: world.camille.patientId }));
    expect(overview.relatives.find((r) => r.relatedPersonId === id)?.lastAct).toBeInstanceOf(Date);
    expect(overview.relatives.find((r) => r.relatedPersonId === world.hugoRp)?.lastAct).toBeUndefined();

    expect(noticeOf(await postId("retirer", id, {}, world.camille.session.cookie))).toBe("retiree");
    expect(await readDocument(world.lea.session.cookie)).toBe(404);
    // Camille's list says it was withdrawn, not « jusqu'au … inclus » of an end that will not come.
    const listed = (await servePage(relativesPage, "/espace/proches", { cookie: world.camille.session.cookie })).html!.replace(/&#x27;/g, "'");
    const ended = listed.split("<li").find((item) => item.includes("État : <!-- -->Terminée") || item.includes("État : Terminée"));
    expect(ended).toContain("Retirée avant sa date de fin : elle ne s'applique plus.");
    expect(ended).not.toContain("inclus");
    const told = await db().sql.query<{ kind: string }>("SELECT kind FROM notification WHERE patient_id = $1::uuid", [world.lea.patientId]);
    expect(told.map((n) => n.kind)).toEqual(expect.arrayContaining(["delegation-changed", "delegation-revoked"]));
  });

  it("keeps the last day included, to 23:59:59 Paris time, and refuses more than three years", async () => {
    const [jean] = await relatedPersons(world.jean.patientId);
    const id = jean!.id!;
    const answer = await postId("modifier", id, { droits: ["documents:read"], fin: addMonthsToDay(parisDayOf(new Date()), 37) }, world.camille.session.cookie);
    expect(noticeOf(answer)).toBe("date");
    expect(locationOf(answer).pathname).toBe(`/espace/proches/${id}`);
    const day = addMonthsToDay(parisDayOf(new Date()), 6);
    expect(noticeOf(await postId("modifier", id, { droits: ["documents:read"], fin: day }, world.camille.session.cookie))).toBe("modifiee");
    const [stored] = await relatedPersons(world.jean.patientId);
    expect(stored?.period?.end).toBe(day);
  });
});

describe("a delegation's change refused for its form (POST /api/proches/[id]/modifier)", () => {
  it("goes back to the delegation's page: « date » for a last day empty or not a day (the page marks that field), the general refusal otherwise; nothing changes", async () => {
    const [jean] = await relatedPersons(world.jean.patientId);
    const id = jean!.id!;
    const before = await db().prisma.resource.findFirst({ where: { id } });
    for (const [fields, notice] of [
      [{ droits: ["documents:read"], fin: "demain" }, "date"],
      [{ droits: ["documents:read"], fin: "" }, "date"],
      [{ droits: ["documents:read"] }, "date"],
      [{ droits: ["not-a-right"], fin: inAYear() }, "formulaire"],
      [{ droits: ["not-a-right"], fin: "demain" }, "formulaire"],
    ] as const) {
      const answer = await postId("modifier", id, fields as unknown as Record<string, string | string[]>, world.camille.session.cookie);
      expect(answer.status, JSON.stringify(fields)).toBe(303);
      expect(locationOf(answer).pathname, JSON.stringify(fields)).toBe(`/espace/proches/${id}`);
      expect(noticeOf(answer), JSON.stringify(fields)).toBe(notice);
    }
    expect((await db().prisma.resource.findFirst({ where: { id } }))?.versionId).toBe(before?.versionId);
  });
});

describe("the periodic job (delegations:tick)", () => {
  it("announces the end of the pause once, and an end within thirty days once to each, however often it runs", async () => {
    const zoe = await personWithAccount(world.system, "Zoe", "Tick");
    const secret = await inviteAndGetSecret(zoe.email);
    await post("accepter", { jeton: secret }, zoe.session.cookie);
    const kinds = async (patientId: string, kind: string) =>
      Number((await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM notification WHERE patient_id = $1::uuid AND kind = $2", [patientId, kind]))[0]?.n ?? 0);
    const before = await kinds(world.camille.patientId, "delegation-active");
    await delegationsTick();
    expect(await kinds(world.camille.patientId, "delegation-active")).toBe(before);
    clock.offsetMs = 25 * HOUR;
    await delegationsTick();
    const once = await kinds(world.camille.patientId, "delegation-active");
    expect(once).toBeGreaterThan(before);
    await delegationsTick();
    expect(await kinds(world.camille.patientId, "delegation-active")).toBe(once);
    const [invitation] = await db().sql.query<{ id: string }>("SELECT id FROM delegation_invitation WHERE email = $1", [zoe.email]);
    const keyed = await db().sql.query("SELECT 1 FROM notification WHERE dedupe_key = $1", [`delegation-active:${invitation!.id}`]);
    expect(keyed).toHaveLength(1);

    const [person] = await relatedPersons(zoe.patientId);
    const soon = parisDayOf(new Date(Date.now() + clock.offsetMs + 10 * 24 * HOUR));
    clock.offsetMs = 0;
    expect(noticeOf(await postId("modifier", person!.id!, { droits: ["documents:read"], fin: soon }, world.camille.session.cookie))).toBe("modifiee");
    clock.offsetMs = 25 * HOUR;
    const endingBefore = await kinds(world.camille.patientId, "delegation-ending");
    await delegationsTick();
    await delegationsTick();
    expect(await kinds(zoe.patientId, "delegation-ending")).toBe(1);
    expect(await kinds(world.camille.patientId, "delegation-ending")).toBe(endingBefore + 1);
  });
});

describe("a minor's guardians", () => {
  it("a guardian manages the child's caregivers, but neither changes nor removes the other guardian (a court's decision)", async () => {
    const child = (await world.system.create(aPatient({ given: "Leo", family: "Enfant", birthDate: "2016-04-01" }))).id!;
    const mother = await personWithAccount(world.system, "Mere", "Tutrice");
    const father = await personWithAccount(world.system, "Pere", "Tuteur");
    await world.system.create(aGuardianship({ patientId: child, agentPatientId: mother.patientId, scopes: [] }));
    const fatherTie = await world.system.create(aGuardianship({ patientId: child, agentPatientId: father.patientId, scopes: [] }));
    const motherInChild = await sessionOf(mother.account, child);

    const refused = await postId("retirer", fatherTie.id!, {}, motherInChild.cookie);
    expect(noticeOf(refused)).toBe("legal");
    expect(noticeOf(await postId("modifier", fatherTie.id!, { droits: ["documents:read"], fin: inAYear() }, motherInChild.cookie))).toBe("legal");
    const stored = await db().prisma.resource.findFirst({ where: { id: fatherTie.id! } });
    expect((stored?.content as unknown as RelatedPerson).active).toBe(true);
    expect(stored?.versionId).toBe(1);

    const email = `nounou-${Date.now()}@example.org`;
    const invited = await post("inviter", { prenom: "Nounou", nom: "Garde", email, lien: "aidant", droits: ["documents:read"], fin: inAYear() }, motherInChild.cookie);
    expect(noticeOf(invited)).toBe("invite");
    const [row] = await db().sql.query<{ patient_id: string }>("SELECT patient_id::text FROM delegation_invitation WHERE email = $1", [email]);
    expect(row?.patient_id).toBe(child);
  });
});

describe("« Les personnes pour qui j'agis »", () => {
  const spacesText = async (cookie: string) => (await servePage(relativesPage, "/espace/proches", { cookie })).html!.replace(/&#x27;/g, "'");

  it("agrees « aidante », « représentante légale » with the viewer's recorded sex, in her own space and in the space she acts in", async () => {
    const mother = await personWithAccount(world.system, "Mere", "Accord", "female");
    const father = await personWithAccount(world.system, "Pere", "Accord", "male");
    const other = await personWithAccount(world.system, "Alix", "Accord", "unknown");
    const child = (await world.system.create(aPatient({ given: "Leo", family: "Accord", birthDate: "2016-04-01" }))).id!;
    for (const person of [mother, father, other]) {
      await world.system.create(aGuardianship({ patientId: child, agentPatientId: person.patientId, scopes: [] }));
      await world.system.create(aDelegation({ patientId: world.camille.patientId, agentPatientId: person.patientId, scopes: ["documents:read"] }));
    }

    for (const cookie of [mother.session.cookie, (await sessionOf(mother.account, world.camille.patientId)).cookie]) {
      const text = await spacesText(cookie);
      expect(text).toContain("Camille Proches — vous êtes son aidante");
      expect(text).toContain("Leo Accord — vous êtes sa représentante légale");
      expect(text).not.toMatch(/vous êtes son aidant<|vous êtes son représentant légal/);
    }
    const his = await spacesText(father.session.cookie);
    expect(his).toContain("Camille Proches — vous êtes son aidant<");
    expect(his).toContain("Leo Accord — vous êtes son représentant légal");
    const theirs = await spacesText(other.session.cookie);
    expect(theirs).toContain("Camille Proches — vous agissez pour cette personne");
    expect(theirs).toContain("Leo Accord — vous exercez sa représentation légale");
  });
});
