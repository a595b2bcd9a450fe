import type { Communication } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, sameOrigin, signIn, type SignedIn } from "../fhir-api/http";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * A conversation is between one patient and one professional. Its id is no secret to those who
 * read it: a caregiver reads the patient's conversations (any delegation does), and keeps the
 * ids after the delegation ends. Posted through the FHIR API from the caregiver's own record
 * into the patient's conversation, a message made the professional's inbox take the thread for
 * the caregiver's, and the professional's next reply, meant for the patient, was written into
 * the caregiver's record (found by the attack helper against the running portal).
 */
let world: MessagesWorld;
let mayaOwn: SignedIn;
beforeAll(async () => {
  world = await buildMessagesWorld();
  // Maya, Camille's caregiver, is a patient of Dr Bernard too, in her own record.
  await world.system.create(anAuthorisation({ patientId: world.mayaId, practitionerId: world.bernard, dateTime: new Date(Date.now() - 86_400_000).toISOString() }));
  mayaOwn = await signIn(`Patient/${world.mayaId}`, { name: "Maya Aidante" });
}, 120_000);

const inConversation = async (conversationId: string) =>
  db().sql.query<{ patient_id: string; content: Communication }>("SELECT patient_id, content FROM fhir_resource WHERE resource_type = 'Communication' AND group_id = $1 ORDER BY date", [conversationId]);

describe("a conversation belongs to one patient and one professional", () => {
  it("refuses a message from another patient's record into it, and the professional's reply still reaches the patient", async () => {
    const started = await post("send", { destinataire: world.bernard, sujet: "Glycémie", texte: "Docteur, ma glycémie est à 2,5 g/L." }, { cookie: world.sessions.camille.cookie });
    const conversationId = conversationOf(started);
    // Maya reads it in Camille's space, then writes into it from her own record.
    const injected = await fhir("POST", "Communication", {
      cookie: mayaOwn.cookie,
      headers: sameOrigin(),
      body: aMessage({ patientId: world.mayaId, conversationId, recipient: `Practitioner/${world.bernard}`, text: "Message glissé dans la conversation de Camille" }),
    });
    expect(injected.status).toBe(422);
    expect(isOutcome(injected)).toBe(true);
    expect((await inConversation(conversationId)).map((row) => row.patient_id)).toEqual([world.camilleId]);

    const reply = await post("send", { conversation: conversationId, texte: "Camille, doublez la dose." }, { cookie: world.sessions.bernard.cookie });
    expect(noticeOf(reply)).toBe("envoye");
    const rows = await inConversation(conversationId);
    expect(rows.map((row) => [row.patient_id, row.content.payload?.[0]?.contentString])).toEqual([
      [world.camilleId, "Docteur, ma glycémie est à 2,5 g/L."],
      [world.camilleId, "Camille, doublez la dose."],
    ]);
  });

  it("refuses a message of the patient's own record into it addressed to another professional", async () => {
    const started = await post("send", { destinataire: world.bernard, texte: "Question pour Dr Bernard" }, { cookie: world.sessions.camille.cookie });
    const conversationId = conversationOf(started);
    const elsewhere = await fhir("POST", "Communication", {
      cookie: world.sessions.camille.cookie,
      headers: sameOrigin(),
      body: aMessage({ patientId: world.camilleId, conversationId, recipient: `Practitioner/${world.autre}`, text: "Pour Dr Autre, dans le fil de Dr Bernard" }),
    });
    expect(elsewhere.status).toBe(422);
    expect((await inConversation(conversationId)).map((row) => row.content.recipient?.[0]?.reference)).toEqual([`Practitioner/${world.bernard}`]);
  });

  it("answers, in a thread already mixed before this check, the record that started it", async () => {
    const started = await post("send", { destinataire: world.bernard, texte: "Docteur, une question de Camille." }, { cookie: world.sessions.camille.cookie });
    const conversationId = conversationOf(started);
    // Written as the system, as a message let in before the check would be stored.
    await world.system.create(aMessage({ patientId: world.mayaId, conversationId, recipient: `Practitioner/${world.bernard}`, text: "Message glissé plus tard", sender: `Patient/${world.mayaId}` }));
    const reply = await post("send", { conversation: conversationId, texte: "Réponse à la question" }, { cookie: world.sessions.bernard.cookie });
    expect(noticeOf(reply)).toBe("envoye");
    const answer = (await inConversation(conversationId)).find((row) => row.content.payload?.[0]?.contentString === "Réponse à la question");
    expect(answer?.patient_id).toBe(world.camilleId);
  });

  it("still takes the first message of a new conversation and a reply in one's own", async () => {
    const conversationId = crypto.randomUUID();
    const first = await fhir("POST", "Communication", {
      cookie: mayaOwn.cookie,
      headers: sameOrigin(),
      body: aMessage({ patientId: world.mayaId, conversationId, recipient: `Practitioner/${world.bernard}`, text: "Bonjour docteur" }),
    });
    expect(first.status).toBe(201);
    const second = await fhir("POST", "Communication", {
      cookie: mayaOwn.cookie,
      headers: sameOrigin(),
      body: aMessage({ patientId: world.mayaId, conversationId, recipient: `Practitioner/${world.bernard}`, text: "Et une précision" }),
    });
    expect(second.status).toBe(201);
    expect((await inConversation(conversationId)).map((row) => row.patient_id)).toEqual([world.mayaId, world.mayaId]);
  });
});
