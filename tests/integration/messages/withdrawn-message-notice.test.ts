import type { Communication } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, resourceOf, sameOrigin } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { ANSWERED, countLine, notices as noticesPage, RECEIVED, sendAs, type NoticesPage, type Who } from "./notices-page";
import { buildMessagesWorld, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * A withdrawn message is no longer news: the conversation shows « message retiré », and the
 * recipient's « Nouveau message » said he had a message, and counted it. Now the notice that
 * counted it counts one less, and is read (the header's count drops) when it stood for that message
 * alone; a notice written for a later message is left as it is. Both directions, the caregiver's
 * own notice too, through the pages' « Retirer » and the FHIR API, and with a message arriving at
 * the same instant (found by today's walk of the portal).
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const notices = (who: Who) => noticesPage(world, who);
const send = (who: Who, fields: Record<string, string>) => sendAs(world, who, fields);
const rowOf = (page: NoticesPage, id: string) => page.rows.find((row) => row.id === id);

/** The conversation's messages, oldest first. */
const messagesOf = async (conversation: string) =>
  (await db().sql.query<{ id: string }>("SELECT id::text AS id FROM fhir_resource WHERE resource_type = 'Communication' AND group_id = $1 ORDER BY date, id", [conversation])).map((row) => row.id);

async function withdraw(who: Who, message: string): Promise<void> {
  expect(noticeOf(await post("withdraw", { message }, { cookie: world.sessions[who].cookie }))).toBe("retire");
}

describe("a withdrawn message's notice", () => {
  it("is read when it told of that message alone: the professional's unread counts drop back", async () => {
    const before = await notices("bernard");
    const conversation = await send("camille", { destinataire: world.bernard, sujet: "Envoyé trop vite", texte: "Pardon, ce n'était pas pour vous." });
    const told = await notices("bernard");
    expect(told.rows[0]).toMatchObject({ text: RECEIVED, unread: true });
    expect(told.unread).toBe(before.unread + 1);
    expect(told.header).toBe(before.unread + 1);

    const [message] = await messagesOf(conversation);
    await withdraw("camille", message!);

    const after = await notices("bernard");
    expect(rowOf(after, told.rows[0]!.id)).toMatchObject({ unread: false });
    expect(after.unread).toBe(before.unread);
    expect(after.header).toBe(before.unread);
  });

  it("counts one less while other messages of the conversation wait, and is read with the last of them", async () => {
    const conversation = await send("camille", { destinataire: world.bernard, sujet: "Deux questions", texte: "Première question." });
    await send("camille", { conversation, texte: "Seconde question." });
    const told = await notices("bernard");
    expect(countLine(told.rows[0]!.html)).toBe("2 nouveaux messages");
    const [first, second] = await messagesOf(conversation);

    await withdraw("camille", second!);
    const one = await notices("bernard");
    expect(rowOf(one, told.rows[0]!.id)).toMatchObject({ unread: true });
    expect(countLine(rowOf(one, told.rows[0]!.id)!.html)).toBeNull();
    expect(one.unread).toBe(told.unread);

    await withdraw("camille", first!);
    const none = await notices("bernard");
    expect(rowOf(none, told.rows[0]!.id)).toMatchObject({ unread: false });
    expect(none.unread).toBe(told.unread - 1);
    expect(none.header).toBe(told.unread - 1);
  });

  it("leaves alone the notice of a later message, written once the withdrawn one had been read", async () => {
    const conversation = await send("camille", { destinataire: world.bernard, sujet: "Suivi", texte: "Premier message." });
    // Dr Bernard opens the conversation: the first message and its notice are read.
    expect((await servePage(proConversationPage, `/pro/messages/${conversation}`, { cookie: world.sessions.bernard.cookie, params: { conversation } })).status).toBe(200);
    await send("camille", { conversation, texte: "Un second message, lui à lire." });
    const told = await notices("bernard");
    expect(told.rows[0]).toMatchObject({ text: RECEIVED, unread: true });
    const [first] = await messagesOf(conversation);

    await withdraw("camille", first!);
    const after = await notices("bernard");
    expect(rowOf(after, told.rows[0]!.id)).toMatchObject({ unread: true });
    expect(after.unread).toBe(told.unread);
  });

  it("the professional withdraws his answers: the patient's notice and the caregiver's own count one less, then are read", async () => {
    const conversation = await send("maya", { destinataire: world.bernard, sujet: "Pour Camille", texte: "J'écris pour Camille." });
    const camilleBefore = await notices("camille");
    const mayaBefore = await notices("maya");
    await send("bernard", { conversation, texte: "Bien reçu." });
    await send("bernard", { conversation, texte: "Réponse envoyée par erreur." });
    const camille = await notices("camille");
    const maya = await notices("maya");
    expect(camille.rows[0]).toMatchObject({ text: RECEIVED, unread: true });
    expect(countLine(camille.rows[0]!.html)).toBe("2 nouveaux messages");
    const answered = maya.rows.find((row) => row.text === ANSWERED && row.unread)!;
    expect(countLine(answered.html)).toBe("2 nouveaux messages");
    const [, first, second] = await messagesOf(conversation);

    await withdraw("bernard", second!);
    expect(countLine(rowOf(await notices("camille"), camille.rows[0]!.id)!.html)).toBeNull();
    expect(rowOf(await notices("maya"), answered.id)).toMatchObject({ unread: true });
    expect(countLine(rowOf(await notices("maya"), answered.id)!.html)).toBeNull();

    await withdraw("bernard", first!);
    const camilleAfter = await notices("camille");
    const mayaAfter = await notices("maya");
    expect(rowOf(camilleAfter, camille.rows[0]!.id)).toMatchObject({ unread: false });
    expect(rowOf(mayaAfter, answered.id)).toMatchObject({ unread: false });
    expect(camilleAfter.unread).toBe(camilleBefore.unread);
    expect(camilleAfter.header).toBe(camilleBefore.header);
    expect(mayaAfter.unread).toBe(mayaBefore.unread);
  });

  it("is read too when the message is withdrawn through the FHIR API", async () => {
    const before = await notices("bernard");
    const conversation = await send("camille", { destinataire: world.bernard, sujet: "Par l'API", texte: "À retirer." });
    const told = await notices("bernard");
    const [id] = await messagesOf(conversation);
    const { payload: _payload, topic: _topic, ...stored } = resourceOf<Communication>(await fhir("GET", `Communication/${id}`, { cookie: world.sessions.camille.cookie }));
    const withdrawn = await fhir("PUT", `Communication/${id}`, { cookie: world.sessions.camille.cookie, headers: sameOrigin(), body: { ...stored, status: "entered-in-error" } });
    expect(withdrawn.status).toBe(200);

    const after = await notices("bernard");
    expect(rowOf(after, told.rows[0]!.id)).toMatchObject({ unread: false });
    expect(after.unread).toBe(before.unread);
  });

  it("never loses a message sent as another is withdrawn: the conversation's notice then counts the new one alone", async () => {
    /** The professional's unread notices of the conversation, with how many messages each stands for. */
    const unread = (conversation: string) =>
      db().sql.query<{ news_count: number }>(
        "SELECT news_count FROM notification WHERE account_id = $1::uuid AND kind = 'message-received' AND read_at IS NULL AND link = $2",
        [world.sessions.bernard.accountId, `/pro/messages/${conversation}`],
      );
    for (let round = 0; round < 4; round++) {
      const conversation = await send("camille", { destinataire: world.bernard, sujet: `Au même instant ${round}`, texte: "Envoyé trop vite." });
      const [first] = await messagesOf(conversation);
      const [withdrawn, sent] = await Promise.all([
        post("withdraw", { message: first! }, { cookie: world.sessions.camille.cookie }),
        post("send", { conversation, texte: "Le bon message." }, { cookie: world.sessions.camille.cookie }),
      ]);
      expect([noticeOf(withdrawn), noticeOf(sent)]).toEqual(["retire", "envoye"]);
      expect(await unread(conversation), `round ${round}`).toEqual([{ news_count: 1 }]);
    }
  });
});
