import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, outcomeOf, sameOrigin } from "../fhir-api/http";
import { conversationOf, noticeOf, post } from "../messages/world";
import { servePage } from "../pages/pages-route";
import { buildWorld, type World } from "./world";

useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

const optionsOf = (page: string) => [...page.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]);

/**
 * A minor may keep a consultation secret from their parents (Code de la santé publique, art.
 * L1111-5): its document is labelled minor-secret, and guardians do not see it. Léo's guardians
 * read his conversations with Dr Bernard. Dr Bernard's reply form offered that document, and the
 * message went through: his parents read « Pièce jointe non disponible », which told them there
 * was one. A professional can no longer attach it in a minor's conversation, by the page or the
 * FHIR API; what is not secret still goes.
 */
describe("a professional's attachment in a minor's conversation", () => {
  it("is never one the minor keeps secret from the guardians who read the conversation", async () => {
    const opened = await post("send", { destinataire: world.ids.bernard, texte: "Bonjour docteur" }, { cookie: world.sessions.camilleForLeo.cookie });
    expect(noticeOf(opened)).toBe("envoye");
    const conversation = conversationOf(opened);

    const page = (await servePage(proConversationPage, `/pro/messages/${conversation}`, { cookie: world.sessions.bernard.cookie, params: { conversation } })).html!;
    const offered = optionsOf(page);
    expect(offered).toContain(world.ids.certificate);
    expect(offered).not.toContain(world.ids.secretDocument);

    // Posted anyway (an old form, or a forged one): refused, nothing written.
    const refused = await post("send", { conversation, texte: "Voici le compte rendu", document: world.ids.secretDocument }, { cookie: world.sessions.bernard.cookie });
    expect(noticeOf(refused)).toBe("document");
    const apiMessage = aMessage({ patientId: world.ids.leo, conversationId: conversation, recipient: `Patient/${world.ids.leo}`, text: "Voici le compte rendu", documentIds: [world.ids.secretDocument] });
    const byApi = await fhir("POST", "Communication", { cookie: world.sessions.bernard.cookie, body: apiMessage, headers: sameOrigin() });
    expect(byApi.status).toBe(422);
    expect(outcomeOf(byApi).issue?.[0]?.diagnostics).toContain("représentants légaux");

    const thread = (await servePage(proConversationPage, `/pro/messages/${conversation}`, { cookie: world.sessions.camilleForLeo.cookie, params: { conversation } })).html ?? "";
    expect(thread).not.toContain("Voici le compte rendu");

    // What the guardians may see goes through.
    expect(noticeOf(await post("send", { conversation, texte: "Voici le certificat", document: world.ids.certificate }, { cookie: world.sessions.bernard.cookie }))).toBe("envoye");
  });
});
