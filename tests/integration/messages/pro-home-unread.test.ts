import { beforeAll, describe, expect, it } from "vitest";
import * as proHome from "@/pages/pro";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import { servePage } from "../pages/pages-route";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

useTestDatabase();

/**
 * Dr Bernard's home says how many messages wait for her, as a link to her inbox, counted as the
 * inbox counts them; nothing when none wait.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const home = async () => {
  const page = await servePage(proHome, "/pro", { cookie: world.sessions.bernard.cookie });
  expect(page.status).toBe(200);
  return page.html!;
};

describe("the professional's home", () => {
  it("shows « N messages non lus » linking to the inbox, and nothing once they are read", async () => {
    expect(await home()).not.toContain("non lu");

    const sent = await post("send", { destinataire: world.bernard, sujet: "Question", texte: "Bonjour docteur." }, { cookie: world.sessions.camille.cookie });
    expect(noticeOf(sent)).toBe("envoye");
    const conversationId = conversationOf(sent);
    expect(await home()).toContain('<a href="/pro/messages">1 message non lu</a>');
    expect(noticeOf(await post("send", { conversation: conversationId, texte: "Une précision." }, { cookie: world.sessions.camille.cookie }))).toBe("envoye");
    expect(noticeOf(await post("send", { conversation: conversationId, texte: "Une autre." }, { cookie: world.sessions.maya.cookie }))).toBe("envoye");
    expect(await home()).toContain('<a href="/pro/messages">3 messages non lus</a>');
    // Her own answer is nothing for her to read.
    expect(noticeOf(await post("send", { conversation: conversationId, texte: "Je regarde." }, { cookie: world.sessions.bernard.cookie }))).toBe("envoye");
    expect(await home()).toContain("3 messages non lus");

    expect((await servePage(proConversationPage, `/pro/messages/${conversationId}`, { cookie: world.sessions.bernard.cookie, params: { conversation: conversationId } })).status).toBe(200);
    expect(await home()).not.toContain("non lu");
  });

  it("counts nothing for another professional", async () => {
    expect(noticeOf(await post("send", { destinataire: world.bernard, sujet: "Encore", texte: "Bonjour." }, { cookie: world.sessions.camille.cookie }))).toBe("envoye");
    const page = await servePage(proHome, "/pro", { cookie: world.sessions.autre.cookie });
    expect(page.html!).not.toContain("non lu");
  });
});
