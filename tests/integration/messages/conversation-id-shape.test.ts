import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, sameOrigin } from "../fhir-api/http";
import { buildMessagesWorld, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * A conversation's id goes, as it is, into the professional's inbox link and his « Nouveau
 * message » notice. Posted through the FHIR API with « ../../compte » as its conversation, Camille's
 * message gave Dr Bernard an inbox entry and a notice that took him to /compte, and a message he
 * could never open (the pages open only the UUIDs the portal makes). Found by an attack round on
 * the running portal; refused now as a conversation that does not exist.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const noticeLinksOf = async (accountId: string) =>
  (await db().sql.query<{ link: string }>("SELECT link FROM notification WHERE account_id = $1::uuid", [accountId])).map((row) => row.link);

describe("a message's conversation id", () => {
  it.each(["../../compte", "x?vers=/compte", "not-a-uuid"])("is refused when it is not one the portal makes (%s), and nothing reaches the professional", async (conversationId) => {
    const sent = await fhir("POST", "Communication", {
      cookie: world.sessions.camille.cookie,
      headers: sameOrigin(),
      body: aMessage({ patientId: world.camilleId, conversationId, recipient: `Practitioner/${world.bernard}`, text: "Bonjour docteur" }),
    });
    expect(sent.status).toBe(422);
    expect(isOutcome(sent)).toBe(true);
    const stored = await db().sql.query("SELECT 1 FROM fhir_resource WHERE resource_type = 'Communication' AND group_id = $1", [conversationId]);
    expect(stored).toHaveLength(0);
    expect((await noticeLinksOf(world.sessions.bernard.accountId)).filter((link) => link.includes(conversationId))).toEqual([]);
  });

  it("is taken when it is a UUID, as the portal's own are", async () => {
    const sent = await fhir("POST", "Communication", {
      cookie: world.sessions.camille.cookie,
      headers: sameOrigin(),
      body: aMessage({ patientId: world.camilleId, conversationId: crypto.randomUUID(), recipient: `Practitioner/${world.bernard}`, text: "Bonjour docteur" }),
    });
    expect(sent.status).toBe(201);
  });
});
