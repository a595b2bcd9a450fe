import type { Bundle, Communication } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { createRepository } from "@/server/fhir/repository";
import { readConversation } from "@/server/messages/read-conversation";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, resourceOf, sameOrigin } from "../fhir-api/http";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import { servePage } from "../pages/pages-route";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * A withdrawn message's text is gone from the database, not only hidden when read (issue 15):
 * every stored version of it loses its payload in the withdrawal's transaction, while the
 * versions themselves (number, date, sender, status) and the audit rows stay.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const TEXT = "Mon traitement contre l'hypertension me fatigue";

type HistoryRow = { version_id: number; deleted: boolean; last_updated: Date; content: Communication };
const historyRows = (id: string) =>
  db().sql.query<HistoryRow>("SELECT version_id, deleted, last_updated, content FROM fhir_resource_history WHERE id = $1::uuid ORDER BY version_id", [id]);
const auditRows = async (id: string) =>
  (await db().sql.query<{ interaction: string; outcome: string }>("SELECT interaction, outcome FROM audit_event WHERE entity = $1 ORDER BY seq", [`Communication/${id}`])).map(
    (row) => `${row.interaction}:${row.outcome}`,
  );

describe("withdrawing a message erases its text from every stored version", () => {
  it("keeps the versions and the trail, with no trace of the text, for the raw rows and the other party's FHIR history", async () => {
    const sent = await post("send", { destinataire: world.bernard, texte: TEXT, document: world.documents.normal.id! }, { cookie: world.sessions.camille.cookie });
    expect(noticeOf(sent)).toBe("envoye");
    const conversationId = conversationOf(sent);
    // Dr Bernard reads it: a second version (the receipt), still with the text.
    const bernardRepo = await createRepository({ kind: "practitioner", accountId: world.sessions.bernard.accountId, practitionerId: world.bernard });
    const [message] = (await readConversation(bernardRepo, conversationId)).messages;
    const id = message!.id;
    expect((await historyRows(id)).map((row) => JSON.stringify(row.content).includes(TEXT))).toEqual([true, true]);
    // His answer, in the same conversation, is not touched by her withdrawal.
    expect(noticeOf(await post("send", { conversation: conversationId, texte: "Parlons-en lundi" }, { cookie: world.sessions.bernard.cookie }))).toBe("envoye");
    const before = await historyRows(id);
    const trailBefore = await auditRows(id);

    // It carried a document, which stays in the record: the notice says so.
    expect(noticeOf(await post("withdraw", { message: id }, { cookie: world.sessions.camille.cookie }))).toBe("retire_document");

    const after = await historyRows(id);
    expect(after.map((row) => row.version_id)).toEqual([1, 2, 3]);
    for (const row of after) {
      expect(JSON.stringify(row.content)).not.toContain(TEXT);
      expect(JSON.stringify(row.content)).not.toContain(world.documents.normal.id!);
      expect(row.content.payload).toBeUndefined();
    }
    // The versions themselves are kept as they were, but for the payload.
    for (const [i, row] of before.entries()) {
      const { payload: _payload, ...kept } = row.content;
      expect(after[i]).toEqual({ ...row, content: kept });
    }
    expect(after[2]!.content.status).toBe("entered-in-error");
    const [current] = await db().sql.query<{ content: Communication; search_text: string | null }>("SELECT content, search_text FROM fhir_resource WHERE id = $1::uuid", [id]);
    expect(JSON.stringify(current)).not.toContain(TEXT);
    // The trail is whole: the earlier rows are there, and the withdrawal is one more.
    const trailAfter = await auditRows(id);
    expect(trailAfter.slice(0, trailBefore.length)).toEqual(trailBefore);
    expect(trailAfter.slice(trailBefore.length)).toContain("update:success");

    // Dr Bernard, through the FHIR API: three versions, none with the text.
    const history = await fhir("GET", `Communication/${id}/_history`, { cookie: world.sessions.bernard.cookie });
    expect(history.status).toBe(200);
    const bundle = resourceOf<Bundle<Communication>>(history);
    expect(bundle.entry?.map((entry) => entry.resource?.meta?.versionId).sort()).toEqual(["1", "2", "3"]);
    expect(history.text).not.toContain(TEXT);
    for (const version of ["1", "2"]) {
      const old = await fhir("GET", `Communication/${id}/_history/${version}`, { cookie: world.sessions.bernard.cookie });
      expect(old.status).toBe(200);
      expect(old.text).not.toContain(TEXT);
    }

    // His own message keeps its text.
    const [answer] = await db().sql.query<{ n: string }>(
      "SELECT count(*) AS n FROM fhir_resource_history WHERE resource_type = 'Communication' AND patient_id = $1::uuid AND content::text LIKE '%Parlons-en lundi%'",
      [world.camilleId],
    );
    expect(Number(answer?.n)).toBe(1);
  });

  it("erases its subject too: not the title of the professional's conversation, nor in any version (found by the attack round)", async () => {
    const SUBJECT = "Résultat sérologie VIH";
    const sent = await post("send", { destinataire: world.bernard, sujet: SUBJECT, texte: "Envoyé par erreur" }, { cookie: world.sessions.camille.cookie });
    const conversationId = conversationOf(sent);
    const bernardRepo = await createRepository({ kind: "practitioner", accountId: world.sessions.bernard.accountId, practitionerId: world.bernard });
    const [message] = (await readConversation(bernardRepo, conversationId)).messages;
    expect(message?.subject).toBe(SUBJECT);

    expect(noticeOf(await post("withdraw", { message: message!.id }, { cookie: world.sessions.camille.cookie }))).toBe("retire");

    expect(JSON.stringify(await historyRows(message!.id))).not.toContain(SUBJECT);
    const [current] = await db().sql.query<{ content: Communication }>("SELECT content FROM fhir_resource WHERE id = $1::uuid", [message!.id]);
    expect(current?.content.topic).toBeUndefined();
    const history = await fhir("GET", `Communication/${message!.id}/_history`, { cookie: world.sessions.bernard.cookie });
    expect(history.status).toBe(200);
    expect(history.text).not.toContain(SUBJECT);
    const page = await servePage(proConversationPage, `/pro/messages/${conversationId}`, {
      cookie: world.sessions.bernard.cookie,
      params: { conversation: conversationId },
      headers: { "x-nonce": "bm9uY2U=" },
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain("retiré");
    expect(page.html).not.toContain(SUBJECT);
  });

  it("refuses a withdrawal through the API that changes the subject into another", async () => {
    const sent = await post("send", { destinataire: world.bernard, sujet: "Question", texte: "Bonjour" }, { cookie: world.sessions.camille.cookie });
    const [row] = await db().sql.query<{ id: string }>("SELECT id FROM fhir_resource WHERE resource_type = 'Communication' AND group_id = $1", [conversationOf(sent)]);
    const read = await fhir("GET", `Communication/${row!.id}`, { cookie: world.sessions.camille.cookie });
    const { payload: _payload, ...stored } = resourceOf<Communication>(read);
    const body = { ...stored, status: "entered-in-error", topic: { text: "Un autre objet" } };
    const answer = await fhir("PUT", `Communication/${row!.id}`, { cookie: world.sessions.camille.cookie, headers: sameOrigin({ "if-match": read.headers.get("etag") ?? "" }), body });
    expect(answer.status).toBe(403);
  });

  it("leaves the history append-only for the app's own connection: only a withdrawn message is erased", async () => {
    const sent = await post("send", { destinataire: world.bernard, texte: "Un message qui reste" }, { cookie: world.sessions.camille.cookie });
    const [row] = await db().sql.query<{ id: string }>("SELECT id FROM fhir_resource WHERE resource_type = 'Communication' AND group_id = $1", [conversationOf(sent)]);
    await expect(db().sql.query("UPDATE fhir_resource_history SET content = content - 'payload' WHERE id = $1::uuid", [row!.id])).rejects.toThrow();
    // The erasing function does nothing to a message that is not withdrawn.
    expect(await db().sql.query("SELECT erase_withdrawn_message_text($1::uuid) AS changed", [row!.id])).toEqual([{ changed: 0 }]);
    expect(JSON.stringify(await historyRows(row!.id))).toContain("Un message qui reste");
  });
});
