import { beforeAll, describe, expect, it } from "vitest";
import * as messagesPage from "@/pages/espace/messages";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import { aBlock } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "../messages/world";
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
    expect(before).not.toContain(html(t("messaging.recipientGone.yours")));

    await world.system.create(aBlock({ patientId: world.camilleId, practitionerId: world.autre }));
    const after = await view();
    expect(after).toContain("Bonjour docteur");
    expect(after).toContain(html(t("messaging.recipientGone.yours")));
    expect(after).not.toContain('action="/api/messages"');
  });
});

describe("the new message form's hints", () => {
  it("speak of the patient's record and documents to a caregiver who writes for her; « vos » to the patient", async () => {
    const page = async (cookie: string) => (await servePage(messagesPage, "/espace/messages", { cookie })).html!;
    const mayas = await page(world.sessions.maya.cookie);
    expect(mayas).toContain(html("Seuls les professionnels autorisés aujourd'hui à voir le dossier de Camille Martin peuvent recevoir ces messages."));
    expect(mayas).toContain("Il est ajouté aux documents de Camille Martin.");
    expect(mayas).not.toContain("vos messages");
    expect(mayas).not.toContain("vos documents");
    const camilles = await page(world.sessions.camille.cookie);
    expect(camilles).toContain(html(t("messaging.recipientHint.yours")));
    expect(camilles).toContain("Il est ajouté à vos documents.");
  });
});
