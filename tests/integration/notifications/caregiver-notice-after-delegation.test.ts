import type { RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import * as notificationsPage from "@/pages/espace/notifications";
import { createSession } from "@/server/db/session-store";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { sessionCookie } from "../fhir-api/http";
import { buildMessagesWorld, conversationOf, post, type MessagesWorld } from "../messages/world";

const db = useTestDatabase();

/**
 * Maya writes to Dr Bernard for Camille, whom she helps; the doctor answers, and Maya is told in
 * her own notices (« Un professionnel de santé a répondu à un message que vous avez écrit pour une
 * personne que vous aidez »). Once her delegation loses the right to write messages, or ends,
 * that notice stayed listed and counted unread in the header, and opening it only said the space
 * was lost. It is no longer listed nor counted, in her own space or in another she acts in.
 */
let world: MessagesWorld;
const TOLD = "Un professionnel de santé a répondu à un message que vous avez écrit pour une personne que vous aidez";
beforeAll(async () => {
  world = await buildMessagesWorld();
  const written = await post("send", { destinataire: world.bernard, texte: "Je vous écris pour Camille." }, { cookie: world.sessions.maya.cookie });
  await post("send", { conversation: conversationOf(written), texte: "Bien reçu." }, { cookie: world.sessions.bernard.cookie });
}, 120_000);

/** Maya, signed in again in her own space. */
async function mayaAtHome(): Promise<string> {
  const sessionId = await createSession({ accountId: world.sessions.maya.accountId, securityStamp: 0, activeSpace: null, userAgent: "vitest", now: new Date() });
  return sessionCookie(sessionId);
}

/** Her notifications page, and the unread count of the site's header above it. */
async function notificationsOf(cookie: string): Promise<{ page: string; header: number | undefined }> {
  const answer = await servePage(notificationsPage, "/espace/notifications", { cookie });
  expect(answer.status).toBe(200);
  return { page: answer.html!.replace(/&#x27;/g, "'").replace(/<!-- -->/g, ""), header: answer.frame?.header.notifications?.unread };
}

async function changeMayasDelegation(change: (delegation: RelatedPerson) => RelatedPerson): Promise<void> {
  const [row] = await db().sql.query<{ content: RelatedPerson }>(
    "SELECT content FROM fhir_resource WHERE resource_type = 'RelatedPerson' AND patient_id = $1::uuid AND actor_ref = $2",
    [world.camilleId, `Patient/${world.mayaId}`],
  );
  await world.system.update(change(row!.content));
}

describe("a caregiver's notice of an answer, once she no longer writes for the person", () => {
  it("is listed and counted while her delegation lets her write", async () => {
    const { page, header } = await notificationsOf(await mayaAtHome());
    expect(page).toContain(TOLD);
    expect(page).toContain("1 non lue");
    expect(header).toBe(1);
  });

  it("is neither listed nor counted once her delegation no longer lets her write messages", async () => {
    await changeMayasDelegation((delegation) => ({
      ...delegation,
      extension: (delegation.extension ?? []).filter((extension) => extension.valueCode !== "messages:write"),
    }));
    // From her own space, and from Camille's, which she still acts in.
    for (const cookie of [await mayaAtHome(), world.sessions.maya.cookie]) {
      const { page, header } = await notificationsOf(cookie);
      expect(page).not.toContain(TOLD);
      expect(page).not.toContain("non lue");
      expect(header).toBe(0);
    }
  });

  it("is neither listed nor counted once her delegation has ended", async () => {
    await changeMayasDelegation((delegation) => ({ ...delegation, active: false }));
    const { page, header } = await notificationsOf(await mayaAtHome());
    expect(page).not.toContain(TOLD);
    expect(page).not.toContain("non lue");
    expect(page).not.toContain("Camille");
    expect(header).toBe(0);
  });
});
