import { beforeAll, describe, expect, it } from "vitest";
import { POST as openRoute } from "@/app/api/notifications/[id]/ouvrir/route";
import * as patientConversationPage from "@/pages/espace/messages/[conversation]";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { servePage } from "../pages/pages-route";
import { formPost, params } from "../prescriptions/http";
import { ANSWERED, countLine, notices as noticesPage, RECEIVED, sendAs, type Who } from "./notices-page";
import { buildMessagesWorld, type MessagesWorld } from "./world";

useTestDatabase();

/**
 * Camille writes three messages to Dr Bernard before she reads any: the doctor's notifications
 * page lists one « Nouveau message » for the conversation, « 3 nouveaux messages », at the top,
 * counted once among the unread, not three. Opening the conversation reads its notice. Once she has read that notice, or opened the
 * conversation, the next message has a notice of its own. The same for Camille's answers, and for
 * Maya's own notice of the answers to what she wrote for Camille.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const send = (who: Who, fields: Record<string, string>) => sendAs(world, who, fields);
const notices = (who: Who) => noticesPage(world, who);

async function openNotice(who: Who, id: string): Promise<void> {
  const request = formPost(`/api/notifications/${id}/ouvrir`, {}, { cookie: world.sessions[who].cookie });
  const response = await inRequestScope(request, () => openRoute(request, params({ id })));
  expect(response.status).toBe(303);
}

describe("one notice per unread conversation", () => {
  it("the professional: three messages make one notice, refreshed to the top; read, the next message has its own", async () => {
    const before = await notices("bernard");
    const first = await send("camille", { destinataire: world.bernard, sujet: "Ordonnance", texte: "Bonjour, une question." });
    const other = await send("camille", { destinataire: world.bernard, sujet: "Autre chose", texte: "Une autre question." });
    await send("camille", { conversation: first, texte: "Et une deuxième." });
    await send("camille", { conversation: first, texte: "Et une troisième." });

    const after = await notices("bernard");
    expect(after.rows.filter((r) => r.text === RECEIVED)).toHaveLength(before.rows.filter((r) => r.text === RECEIVED).length + 2);
    expect(after.unread).toBe(before.unread + 2);
    expect(after.header).toBe(before.unread + 2);
    // The first conversation's notice, refreshed by its last message, is above the other's.
    expect(countLine(after.rows[0]!.html)).toBe("3 nouveaux messages");
    expect(countLine(after.rows[1]!.html)).toBeNull();
    expect(other).not.toBe(first);

    // Read: the next message is a new notice, and the read one stays as it was.
    await openNotice("bernard", after.rows[0]!.id);
    await send("camille", { conversation: first, texte: "Encore une chose." });
    const read = await notices("bernard");
    expect(read.rows.filter((r) => r.text === RECEIVED)).toHaveLength(after.rows.filter((r) => r.text === RECEIVED).length + 1);
    expect(read.rows[0]!.unread).toBe(true);
    expect(countLine(read.rows[0]!.html)).toBeNull();
    expect(read.rows.find((r) => r.id === after.rows[0]!.id)).toMatchObject({ unread: false });
    expect(countLine(read.rows.find((r) => r.id === after.rows[0]!.id)!.html)).toBe("3 nouveaux messages");
    expect(read.unread).toBe(after.unread);

    // Her notice unread, but the conversation opened: the next message is news again.
    const opened = await servePage(proConversationPage, `/pro/messages/${first}`, { cookie: world.sessions.bernard.cookie, params: { conversation: first } });
    expect(opened.status).toBe(200);
    // Opened is read: its notice is no longer among the unread (it stayed unread beside the conversation just read).
    const afterOpening = await notices("bernard");
    expect(afterOpening.rows.find((r) => r.id === read.rows[0]!.id)).toMatchObject({ unread: false });
    expect(afterOpening.unread).toBe(read.unread - 1);
    await send("camille", { conversation: first, texte: "Merci pour votre lecture." });
    const seen = await notices("bernard");
    expect(seen.rows.filter((r) => r.text === RECEIVED)).toHaveLength(read.rows.filter((r) => r.text === RECEIVED).length + 1);
    expect(seen.unread).toBe(read.unread);
  });

  it("the patient and the caregiver who wrote: the doctor's answers make one notice each until read", async () => {
    const conversation = await send("maya", { destinataire: world.bernard, sujet: "Rendez-vous", texte: "Je vous écris pour Camille." });
    const camilleBefore = await notices("camille");
    const mayaBefore = await notices("maya");
    for (const texte of ["Oui.", "Jeudi à 10 h.", "Apportez vos résultats."]) await send("bernard", { conversation, texte });

    const camille = await notices("camille");
    expect(camille.rows.filter((r) => r.text === RECEIVED)).toHaveLength(camilleBefore.rows.filter((r) => r.text === RECEIVED).length + 1);
    expect(camille.unread).toBe(camilleBefore.unread + 1);
    expect(camille.rows[0]).toMatchObject({ text: RECEIVED, unread: true });
    expect(countLine(camille.rows[0]!.html)).toBe("3 nouveaux messages");
    // Nothing of the conversation on the notice: no name, subject nor text.
    for (const word of ["Bernard", "Rendez-vous", "Jeudi", "résultats"]) expect(camille.rows[0]!.html).not.toContain(word);

    const maya = await notices("maya");
    const answered = maya.rows.filter((r) => r.text === ANSWERED);
    expect(answered).toHaveLength(mayaBefore.rows.filter((r) => r.text === ANSWERED).length + 1);
    expect(countLine(answered[0]!.html)).toBe("3 nouveaux messages");

    // Camille opens the conversation: the doctor's next answer is news again for both.
    const opened = await servePage(patientConversationPage, `/espace/messages/${conversation}`, { cookie: world.sessions.camille.cookie, params: { conversation } });
    expect(opened.status).toBe(200);
    // Hers read by opening it; Maya's own notice is Maya's to read.
    expect((await notices("camille")).rows.find((r) => r.id === camille.rows[0]!.id)).toMatchObject({ unread: false });
    expect((await notices("maya")).rows.find((r) => r.id === answered[0]!.id)).toMatchObject({ unread: true });
    await send("bernard", { conversation, texte: "Bonne journée." });
    expect((await notices("camille")).rows.filter((r) => r.text === RECEIVED)).toHaveLength(camille.rows.filter((r) => r.text === RECEIVED).length + 1);
    expect((await notices("maya")).rows.filter((r) => r.text === ANSWERED)).toHaveLength(answered.length + 1);
  });
});
