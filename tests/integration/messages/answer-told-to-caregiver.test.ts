import type { RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as openRoute } from "@/app/api/notifications/[id]/ouvrir/route";
import { aPatient } from "@/lib/fhir/builders/people";
import { aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { SCOPES } from "@/server/access/scopes";
import { createSession } from "@/server/db/session-store";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import * as notificationsPage from "@/pages/espace/notifications";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { servePage } from "../pages/pages-route";
import { sessionCookie, signIn, type SignedIn } from "../fhir-api/http";
import { formPost, locationOf as locationOfForm, params } from "../prescriptions/http";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * Maya writes to Dr Bernard for Camille, whom she helps; the doctor answers. Camille is told, as
 * always; Maya, who is waiting for the answer, is told too, in her own notices, and opening the
 * notice takes her into Camille's space, to the conversation. Not a caregiver whose delegation has
 * ended, nor one who did not write; a guardian is told through the child's notices, as before.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const cookie = (who: keyof MessagesWorld["sessions"]) => world.sessions[who].cookie;
const noticesOfAccount = (accountId: string) =>
  db().sql.query<{ id: string; kind: string; link: string; patient_id: string | null }>(
    "SELECT id::text, kind, link, patient_id::text FROM notification WHERE account_id = $1::uuid ORDER BY created_at",
    [accountId],
  );
const noticesOfSpace = (patientId: string) =>
  db().sql.query<{ kind: string; link: string }>("SELECT kind, link FROM notification WHERE patient_id = $1::uuid ORDER BY created_at", [patientId]);
const emailsOf = (accountId: string) =>
  db().sql.query<{ subject: string; text_body: string; html_body: string | null }>(
    "SELECT o.subject, o.text_body, o.html_body FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = $1::uuid ORDER BY o.created_at",
    [accountId],
  );
const activeSpaceOf = async (sessionId: string) =>
  (await db().sql.query<{ active_space: string | null }>("SELECT active_space FROM auth_session WHERE id = $1", [sessionId]))[0]?.active_space;

/** Maya, signed in on another device, in her own space (the session the notice is opened from). */
async function mayaAtHome(): Promise<{ sessionId: string; cookie: string }> {
  const sessionId = await createSession({ accountId: world.sessions.maya.accountId, securityStamp: 0, activeSpace: null, userAgent: "vitest", now: new Date() });
  return { sessionId, cookie: await sessionCookie(sessionId) };
}

async function open(noticeId: string, withCookie: string): Promise<Response> {
  const request = formPost(`/api/notifications/${noticeId}/ouvrir`, {}, { cookie: withCookie });
  return inRequestScope(request, () => openRoute(request, params({ id: noticeId })));
}

describe("a professional's answer in a conversation a caregiver wrote in", () => {
  it("is told to the caregiver who wrote, as her own notice that says no name, and opening it takes her to the conversation in Camille's space", async () => {
    const written = await post("send", { destinataire: world.bernard, sujet: "Rendez-vous", texte: "Je vous écris pour Camille : peut-elle venir jeudi ?" }, { cookie: cookie("maya") });
    expect(noticeOf(written)).toBe("envoye");
    const conversationId = conversationOf(written);
    const hugoBefore = (await noticesOfAccount(world.sessions.hugo.accountId)).length;
    const mayaEmailsBefore = (await emailsOf(world.sessions.maya.accountId)).length;

    const answered = await post("send", { conversation: conversationId, texte: "Oui, jeudi à 10 h." }, { cookie: cookie("bernard") });
    expect(noticeOf(answered)).toBe("envoye");

    // Camille is told, as before, in her space.
    expect(await noticesOfSpace(world.camilleId)).toContainEqual({ kind: "message-received", link: `/espace/messages/${conversationId}` });
    // Maya too: her account's notice, not one of Camille's space (Camille's list does not show it twice).
    const mine = (await noticesOfAccount(world.sessions.maya.accountId)).filter((n) => n.kind === "message-answered-for-caregiver");
    expect(mine).toEqual([{ id: expect.any(String), kind: "message-answered-for-caregiver", link: `/espace/messages/${conversationId}`, patient_id: null }]);
    // Her e-mail says only that something happened: no name, subject or text.
    const emails = await emailsOf(world.sessions.maya.accountId);
    expect(emails).toHaveLength(mayaEmailsBefore + 1);
    const email = emails.at(-1)!;
    for (const word of ["Camille", "Martin", "Bernard", "Rendez-vous", "jeudi"]) expect(`${email.subject} ${email.text_body} ${email.html_body ?? ""}`).not.toContain(word);
    // Hugo, who acts for Camille but did not write, is not told.
    expect(await noticesOfAccount(world.sessions.hugo.accountId)).toHaveLength(hugoBefore);

    // Opened from her own space: she is taken into Camille's, to the conversation, which she reads there.
    const home = await mayaAtHome();
    const opened = await open(mine[0]!.id, home.cookie);
    expect(opened.status).toBe(303);
    expect(locationOfForm(opened)).toBe(`/espace/messages/${conversationId}`);
    expect(await activeSpaceOf(home.sessionId)).toBe(`Patient/${world.camilleId}`);
    const page = await servePage(conversationPage, `/espace/messages/${conversationId}`, { cookie: home.cookie, params: { conversation: conversationId } });
    expect(page.status).toBe(200);
    expect(page.html).toContain("Oui, jeudi à 10 h.");
  });

  it("is not told to a caregiver whose delegation has ended, and her earlier notice no longer takes her into that space", async () => {
    const written = await post("send", { destinataire: world.bernard, texte: "Une autre question pour Camille." }, { cookie: cookie("maya") });
    const conversationId = conversationOf(written);
    await post("send", { conversation: conversationId, texte: "Première réponse." }, { cookie: cookie("bernard") });
    const told = (await noticesOfAccount(world.sessions.maya.accountId)).filter((n) => n.link === `/espace/messages/${conversationId}`);
    expect(told).toHaveLength(1);

    // Camille withdraws Maya's delegation.
    const [row] = await db().sql.query<{ content: RelatedPerson }>(
      "SELECT content FROM fhir_resource WHERE resource_type = 'RelatedPerson' AND patient_id = $1::uuid AND actor_ref = $2",
      [world.camilleId, `Patient/${world.mayaId}`],
    );
    await world.system.update({ ...row!.content, active: false });

    await post("send", { conversation: conversationId, texte: "Seconde réponse." }, { cookie: cookie("bernard") });
    expect((await noticesOfAccount(world.sessions.maya.accountId)).filter((n) => n.link === `/espace/messages/${conversationId}`)).toHaveLength(1);
    // Camille is told still: her notice of the conversation, unread, refreshed (one-notice-per-conversation.test.ts).
    expect((await noticesOfSpace(world.camilleId)).filter((n) => n.link === `/espace/messages/${conversationId}`)).toHaveLength(1);
    expect((await db().sql.query<{ news_count: number }>("SELECT news_count FROM notification WHERE patient_id = $1::uuid AND link = $2", [world.camilleId, `/espace/messages/${conversationId}`]))[0]?.news_count).toBe(2);

    // The notice she had: opened, it leads to her notifications, in her own space, which say why
    // it did not open (« Voir » had seemed to do nothing), naming no one.
    const home = await mayaAtHome();
    const opened = await open(told[0]!.id, home.cookie);
    expect(locationOfForm(opened)).toBe("/espace/notifications?espace=perdu");
    expect(await activeSpaceOf(home.sessionId)).toBeNull();
    const page = await servePage(notificationsPage, "/espace/notifications?espace=perdu", { cookie: home.cookie });
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/role="alert"[^>]*><div>Cette notification concerne l&#x27;espace d&#x27;une personne pour qui vous n&#x27;agissez plus/);
    expect(page.html).not.toContain("Camille");
  });
});

describe("a professional's answer in a child's conversation a guardian wrote in", () => {
  let guardian: SignedIn;
  let noeId: string;
  beforeAll(async () => {
    noeId = (await world.system.create(aPatient({ given: "Noé", family: "Garnier", birthDate: "2019-04-02" }))).id!;
    const inesId = (await world.system.create(aPatient({ given: "Inès", family: "Garnier" }))).id!;
    await world.system.create(aGuardianship({ patientId: noeId, agentPatientId: inesId, agentName: { given: "Inès", family: "Garnier" }, scopes: SCOPES }));
    await world.system.create(anAuthorisation({ patientId: noeId, practitionerId: world.bernard, dateTime: new Date(Date.now() - 86_400_000).toISOString() }));
    guardian = await signIn(`Patient/${inesId}`, { space: noeId, name: "Inès Garnier" });
  });

  it("is told in the child's space (which his guardians read), not as a caregiver's notice", async () => {
    const written = await post("send", { destinataire: world.bernard, texte: "Noé tousse depuis trois jours." }, { cookie: guardian.cookie });
    expect(noticeOf(written)).toBe("envoye");
    const conversationId = conversationOf(written);
    await post("send", { conversation: conversationId, texte: "Venez demain." }, { cookie: cookie("bernard") });
    expect(await noticesOfSpace(noeId)).toContainEqual({ kind: "message-received", link: `/espace/messages/${conversationId}` });
    expect((await noticesOfAccount(guardian.accountId)).map((n) => n.kind)).not.toContain("message-answered-for-caregiver");
  });
});
