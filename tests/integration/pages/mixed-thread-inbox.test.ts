import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import * as proMessagesPage from "@/pages/pro/messages";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, conversationOf, post, type MessagesWorld } from "../messages/world";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * A thread mixed before the conversation check (a message of Maya's own record posted into
 * Camille's conversation with Dr Bernard) belongs to its first message's record: the
 * conversation page shows Camille's messages only (read-conversation.ts). Dr Bernard's inbox
 * counted Maya's message in the thread all the same: « Dernier message de Maya Aidante » under
 * Camille's name, and an unread message that opening the conversation never showed, so never
 * marked read. The list now reads the thread as the page does.
 */
let world: MessagesWorld;
let conversationId = "";
beforeAll(async () => {
  world = await buildMessagesWorld();
  await world.system.create(anAuthorisation({ patientId: world.mayaId, practitionerId: world.bernard, dateTime: new Date(Date.now() - 86_400_000).toISOString() }));
  conversationId = conversationOf(await post("send", { destinataire: world.bernard, sujet: "Glycémie", texte: "Docteur, une question de Camille." }, { cookie: world.sessions.camille.cookie }));
  // Written as the system, as a message let in before the check would be stored.
  const slipped = aMessage({ patientId: world.mayaId, conversationId, recipient: `Practitioner/${world.bernard}`, text: "Message glissé plus tard", sender: `Patient/${world.mayaId}` });
  await world.system.create({ ...slipped, sender: { reference: `Patient/${world.mayaId}`, display: "Maya Aidante" }, sent: new Date(Date.now() + 1_000).toISOString() });
}, 120_000);

/** The inbox's entry for the conversation: from its link to the end of its list item. */
async function inboxEntry(): Promise<string> {
  const html = (await servePage(proMessagesPage, "/pro/messages", { cookie: world.sessions.bernard.cookie })).html ?? "";
  const start = html.indexOf(`/pro/messages/${conversationId}`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<li", start), html.indexOf("</li>", start));
}

describe("the professional's inbox and a thread mixed before the conversation check", () => {
  it("shows the thread as its page does: the first message's patient, her messages only, read once opened", async () => {
    const before = await inboxEntry();
    expect(before).toContain("Camille Martin");
    expect(before).not.toContain("Maya Aidante");
    expect(before).toContain("1 non lu");

    const page = (await servePage(proConversationPage, `/pro/messages/${conversationId}`, { cookie: world.sessions.bernard.cookie, params: { conversation: conversationId } })).html ?? "";
    expect(page).toContain("Docteur, une question de Camille.");
    expect(page).not.toContain("Message glissé plus tard");

    const after = await inboxEntry();
    expect(after).not.toContain("non lu");
    expect(after).not.toContain("Maya Aidante");
  });
});
