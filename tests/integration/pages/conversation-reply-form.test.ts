import { beforeAll, describe, expect, it } from "vitest";
import * as messagesPage from "@/pages/espace/messages";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { buildMessagesWorld, conversationOf, locationOf, noticeOf, post, type MessagesWorld } from "../messages/world";
import { servePage } from "./pages-route";

useTestDatabase();

/** The words as the page's HTML spells them (React escapes the apostrophes). */
const html = (text: string) => text.replace(/'/g, "&#x27;");

let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

/**
 * A conversation with a professional the patient has blocked since: the page offered the reply
 * form, and refused only once the reply was written (found by an exploratory test). It now says
 * why no reply can be sent, and offers no form; the conversation stays readable.
 */
describe("a conversation's reply form", () => {
  it("is offered while the professional may receive messages, and replaced by the reason once they are blocked", async () => {
    const opened = await post("send", { destinataire: world.autre, texte: "Bonjour docteur" }, { cookie: world.sessions.camille.cookie });
    expect(noticeOf(opened)).toBe("envoye");
    const id = conversationOf(opened);
    const view = async () => (await servePage(conversationPage, `/espace/messages/${id}`, { cookie: world.sessions.camille.cookie, params: { conversation: id }, headers: { "x-nonce": "bm9uY2U=" } })).html!;

    const before = await view();
    expect(before).toContain('action="/api/messages"');
    expect(before).not.toContain(html(t("messaging.recipientGone.female.yours")));

    await world.system.create(aBlock({ patientId: world.camilleId, practitionerId: world.autre }));
    const after = await view();
    expect(after).toContain("Bonjour docteur");
    expect(after).toContain(html(t("messaging.recipientGone.female.yours")));
    expect(after).not.toContain('action="/api/messages"');
    // The way to let the professional in again is a link, not only a page's name (found by the walk).
    expect(before).not.toContain('href="/espace/partage"');
    expect(after).toContain(`<a href="/espace/partage">${t("messaging.sharingLink")}</a>`);
    // A caregiver reading the same conversation is not sent to the person's choices.
    const mayas = (await servePage(conversationPage, `/espace/messages/${id}`, { cookie: world.sessions.maya.cookie, params: { conversation: id }, headers: { "x-nonce": "bm9uY2U=" } })).html!;
    expect(mayas).toContain("Bonjour docteur");
    expect(mayas).not.toContain('href="/espace/partage"');
  });

  it("speaks of the blocked professional as their recorded gender has it, and agrees with nothing where none is recorded", async () => {
    // Dr Inès Moreau read « Ce professionnel … il n'a pas accès » (found by the walk).
    const view = async (id: string, cookie: string) => (await servePage(conversationPage, `/espace/messages/${id}`, { cookie, params: { conversation: id }, headers: { "x-nonce": "bm9uY2U=" } })).html!;
    const cases = [
      { gender: "female", words: "Cette professionnelle ne peut plus recevoir vos messages : elle n'a pas accès", theirs: "elle n'a pas accès au dossier de Camille Martin" },
      { gender: "male", words: "Ce professionnel ne peut plus recevoir vos messages : il n'a pas accès", theirs: "il n'a pas accès au dossier de Camille Martin" },
      { gender: undefined, words: "Vos messages ne peuvent plus être envoyés dans cette conversation", theirs: "Les messages de cet espace ne peuvent plus être envoyés" },
    ] as const;
    for (const [n, { gender, words, theirs }] of cases.entries()) {
      const pro = (await world.system.create({ ...aPractitioner({ given: "Dominique", family: `Genre${n}`, rpps: `1010998010${n}` }), gender })).id!;
      await world.system.create(anAuthorisation({ patientId: world.camilleId, practitionerId: pro, dateTime: new Date(Date.now() - 86_400_000).toISOString() }));
      const id = conversationOf(await post("send", { destinataire: pro, texte: `Bonjour ${n}` }, { cookie: world.sessions.camille.cookie }));
      await world.system.create(aBlock({ patientId: world.camilleId, practitionerId: pro }));
      const camilles = await view(id, world.sessions.camille.cookie);
      expect(camilles).toContain(html(words));
      const mayas = await view(id, world.sessions.maya.cookie);
      expect(mayas).toContain(html(theirs));
      for (const page of [camilles, mayas]) {
        if (gender !== "male") expect(page).not.toContain(html("il n'a pas accès"));
        if (gender !== "female") expect(page).not.toContain(html("elle n'a pas accès"));
      }
    }
  });

  it("with no professional to write to, the new message's place links to the sharing page", async () => {
    const leas = (await servePage(messagesPage, "/espace/messages", { cookie: world.sessions.lea.cookie })).html!;
    expect(leas).toContain(html(t("messaging.noRecipient.yours")));
    expect(leas).toContain(`<a href="/espace/partage">${t("messaging.sharingLink")}</a>`);
  });
});

describe("the new message form's hints", () => {
  it("speak of the patient's record and documents to a caregiver who writes for her; « vos » to the patient", async () => {
    const page = async (cookie: string) => (await servePage(messagesPage, "/espace/messages", { cookie })).html!;
    const mayas = await page(world.sessions.maya.cookie);
    expect(mayas).toContain(html("Seuls les professionnels autorisés aujourd'hui à voir le dossier de Camille Martin peuvent recevoir ces messages."));
    expect(mayas).not.toContain("vos messages");
    expect(mayas).not.toContain("vos documents");
    // Maya may not add documents, so she is offered no file (messages-file-out-of-reach.test.ts):
    // the file's hint is read by a caregiver who may.
    const noraId = (await world.system.create(aPatient({ given: "Nora", family: "Aidante" }))).id!;
    await world.system.create(aDelegation({ patientId: world.camilleId, agentPatientId: noraId, agentName: { given: "Nora", family: "Aidante" }, scopes: ["messages:write", "documents:read", "documents:write"] }));
    const noras = await page((await signIn(`Patient/${noraId}`, { space: world.camilleId, name: "Nora Aidante" })).cookie);
    expect(noras).toContain("Il est ajouté aux documents de Camille Martin.");
    expect(noras).not.toContain("vos documents");
    const camilles = await page(world.sessions.camille.cookie);
    expect(camilles).toContain(html(t("messaging.recipientHint.yours")));
    expect(camilles).toContain("Il est ajouté à vos documents.");
  });
});

/**
 * The reply form of a conversation offered every document Camille sees, including those its
 * professional may not see (hidden from professionals, restricted, secret), refused only once the
 * reply was sent. It now offers only what the check at sending lets through. A new message's
 * form, whose professional is chosen in the same form, still lists them all; a refusal there names
 * the document and says why.
 */
describe("the documents a message may carry", () => {
  const optionsOf = (page: string) => [...page.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]);

  it("in a conversation, are only those its professional may see, for the patient and for a caregiver writing for her", async () => {
    const opened = await post("send", { destinataire: world.bernard, texte: "Bonjour" }, { cookie: world.sessions.camille.cookie });
    const id = conversationOf(opened);
    const { normal, restricted, hidden, secret } = world.documents;
    for (const cookie of [world.sessions.camille.cookie, world.sessions.maya.cookie]) {
      const page = (await servePage(conversationPage, `/espace/messages/${id}`, { cookie, params: { conversation: id } })).html!;
      const offered = optionsOf(page);
      expect(offered).toContain(normal.id);
      for (const barred of [restricted, hidden, secret]) expect(offered).not.toContain(barred.id);
    }
    // What is offered goes through.
    expect(noticeOf(await post("send", { conversation: id, texte: "Voici", document: normal.id! }, { cookie: world.sessions.camille.cookie }))).toBe("envoye");

    // A professional Camille opened her restricted documents to: those are offered to him, not the hidden or secret one.
    const opener = (await world.system.create(aPractitioner({ given: "Rémi", family: "Ouvert", rpps: "10109980099" }))).id!;
    await world.system.create(anAuthorisation({ patientId: world.camilleId, practitionerId: opener, restricted: true, dateTime: new Date(Date.now() - 86_400_000).toISOString() }));
    const withHim = conversationOf(await post("send", { destinataire: opener, texte: "Bonjour" }, { cookie: world.sessions.camille.cookie }));
    const offered = optionsOf((await servePage(conversationPage, `/espace/messages/${withHim}`, { cookie: world.sessions.camille.cookie, params: { conversation: withHim } })).html!);
    expect(offered).toEqual(expect.arrayContaining([normal.id, restricted.id]));
    for (const barred of [hidden, secret]) expect(offered).not.toContain(barred.id);
  });

  it("in a new message, are all listed, and one refused is named with the reason in plain words", async () => {
    const newPage = async (query: string) => (await servePage(messagesPage, `/espace/messages?${query}`, { cookie: world.sessions.camille.cookie })).html!;
    const labelOf = (page: string, documentId: string) => new RegExp(`<option value="${documentId}"[^>]*>([^<]*)</option>`).exec(page)?.[1];
    const start = await newPage("");
    expect(optionsOf(start)).toEqual(expect.arrayContaining([world.documents.restricted.id, world.documents.hidden.id]));

    const cases = [
      [world.documents.restricted, "il est en accès restreint, et Dr Sophie Bernard n'a pas accès aux documents restreints de ce dossier."],
      [world.documents.hidden, "il est masqué aux professionnels de santé dans les choix de partage du dossier : Dr Sophie Bernard ne peut pas le voir."],
      [world.documents.secret, "il est secret : aucun professionnel de santé ne peut le voir."],
    ] as const;
    for (const [document, why] of cases) {
      const refused = await post("send", { destinataire: world.bernard, texte: "Bonjour", document: document.id! }, { cookie: world.sessions.camille.cookie });
      expect(noticeOf(refused)).toBe("document");
      const page = await newPage(locationOf(refused).search.slice(1));
      expect(page).toContain(html(`Rien n'a été envoyé : le document « ${labelOf(start, document.id!)} » ne peut pas être joint, car ${why}`));
    }
    // An id in the address the page does not list names nothing: the general sentence.
    const forged = await newPage(`message=document&document=${world.documents.leas.id}&raison=masque&a=${world.bernard}`);
    expect(forged).toContain(html(t("messaging.notices.document")));
    expect(forged).not.toContain("Document de Léa");
  });
});
