import type { Communication } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, anAuthorisation } from "@/lib/fhir/builders/rules";
import type { Actor } from "@/server/access/actor";
import { createRepository } from "@/server/fhir/repository";
import { listConversations } from "@/server/messages/list-conversations";
import { messageRecipients } from "@/server/messages/message-recipients";
import { readConversation } from "@/server/messages/read-conversation";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import * as proMessagesPage from "@/pages/pro/messages";
import * as messagesPage from "@/pages/espace/messages";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { htmlPretendingToBePdf } from "../documents/hostile-files";
import { aPdf } from "../documents/world";
import { bundleOf, fhir, isOutcome, resourceOf, sameOrigin } from "../fhir-api/http";
import { buildMessagesWorld, conversationOf, locationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * Secure messaging through the doors a person or an attacker uses: the form routes with real
 * sessions, and the FHIR API (SECURITY-CASES 51, and the message parts of 29 and 52).
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const cookie = (who: keyof MessagesWorld["sessions"]) => world.sessions[who].cookie;
const camille = (): Actor => ({ kind: "patient", accountId: world.sessions.camille.accountId, patientId: world.camilleId });
const practitioner = (who: "bernard" | "petit" | "ancien" | "autre"): Actor => ({ kind: "practitioner", accountId: world.sessions[who].accountId, practitionerId: world[who] });
const repoOf = (actor: Actor) => createRepository(actor);
const messageCount = async () => Number((await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM fhir_resource WHERE resource_type = 'Communication' AND patient_id = $1::uuid", [world.camilleId]))[0]?.n);
const storedMessages = async (conversationId: string) =>
  (await db().sql.query<{ content: Communication }>("SELECT content FROM fhir_resource WHERE resource_type = 'Communication' AND group_id = $1 ORDER BY date", [conversationId])).map((row) => row.content);
const emailsOf = async (accountId: string) =>
  db().sql.query<{ subject: string; text_body: string; html_body: string | null }>(
    "SELECT o.subject, o.text_body, o.html_body FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = $1::uuid ORDER BY o.created_at",
    [accountId],
  );
const noticesOf = async (where: { accountId?: string; patientId?: string }) =>
  db().sql.query<{ kind: string; link: string }>("SELECT kind, link FROM notification WHERE account_id = $1::uuid OR patient_id = $2::uuid", [where.accountId ?? null, where.patientId ?? null]);

describe("a conversation between Camille and Dr Bernard", () => {
  it("Camille writes with a document attached; Dr Bernard is notified, reads it (receipt) and answers; Camille is notified", async () => {
    let answer = await post("send", { destinataire: world.bernard, sujet: "Résultats", texte: "Bonjour docteur, voici mon bilan.", document: world.documents.normal.id! }, { cookie: cookie("camille") });
    expect(answer.status).toBe(303);
    expect(noticeOf(answer)).toBe("envoye");
    const conversationId = conversationOf(answer);
    const [first] = await storedMessages(conversationId);
    expect(first?.sender).toEqual({ reference: `Patient/${world.camilleId}`, display: "Camille Martin" });
    expect(first?.recipient).toEqual([{ reference: `Practitioner/${world.bernard}` }]);
    expect(first?.payload).toEqual([{ contentString: "Bonjour docteur, voici mon bilan." }, { contentReference: { reference: `DocumentReference/${world.documents.normal.id}` } }]);
    expect(await noticesOf({ accountId: world.sessions.bernard.accountId })).toEqual([{ kind: "message-received", link: `/pro/messages/${conversationId}` }]);
    // The e-mail says only that something happened: no subject, text, document or name.
    const [email] = await emailsOf(world.sessions.bernard.accountId);
    for (const word of ["Résultats", "bilan", "Camille", "Martin", "Bilan sanguin"]) expect(`${email?.subject} ${email?.text_body} ${email?.html_body}`).not.toContain(word);

    const seen = await readConversation(await repoOf(practitioner("bernard")), conversationId);
    expect(seen.messages.map((m) => m.text)).toEqual(["Bonjour docteur, voici mon bilan."]);
    expect(seen.messages[0]?.received).toBeTruthy();
    answer = await post("send", { conversation: conversationId, texte: "Bien reçu, tout est normal." }, { cookie: cookie("bernard") });
    expect(noticeOf(answer)).toBe("envoye");
    expect(answer.headers.get("location")).toContain(`/pro/messages/${conversationId}`);
    expect((await noticesOf({ patientId: world.camilleId })).map((n) => n.link)).toContain(`/espace/messages/${conversationId}`);

    const mine = await readConversation(await repoOf(camille()), conversationId);
    expect(mine.messages.map((m) => [m.senderName, m.mine])).toEqual([["Camille Martin", true], ["Dr Sophie Bernard", false]]);
    // Camille's own message shows the receipt ("lu le …").
    expect(mine.messages[0]?.received).toBeTruthy();
    // Every access is in Camille's history: the creates, the professional's search and read receipts.
    const trail = await db().sql.query<{ agent: string; interaction: string }>(
      "SELECT agent, interaction FROM audit_event WHERE patient_id = $1::uuid AND entity LIKE 'Communication%'",
      [world.camilleId],
    );
    expect(trail.some((row) => row.agent === `Practitioner/${world.bernard}` && row.interaction === "search")).toBe(true);
    expect(trail.some((row) => row.agent === `Patient/${world.camilleId}` && row.interaction === "create")).toBe(true);
  });

  it("a caregiver with the right writes in Camille's name, shown as « Maya Aidante pour Camille Martin »; one without cannot", async () => {
    const answer = await post("send", { destinataire: world.bernard, texte: "Je vous écris pour Camille." }, { cookie: cookie("maya") });
    expect(noticeOf(answer)).toBe("envoye");
    const [message] = await storedMessages(conversationOf(answer));
    expect(message?.sender?.display).toBe("Maya Aidante pour Camille Martin");
    expect(message?.sender?.reference).toMatch(/^RelatedPerson\//);
    const before = await messageCount();
    const refused = await post("send", { destinataire: world.bernard, texte: "Et moi ?" }, { cookie: cookie("hugo") });
    expect(noticeOf(refused)).toBe("destinataire");
    expect(await messageCount()).toBe(before);
  });
});

describe("a professional starts a conversation", () => {
  it("sends the prevention plan after a check-up: the model gives the subject, Camille is notified", async () => {
    const answer = await post("send", { patient: world.camilleId, modele: "plan-prevention", texte: "Voici votre plan de prévention : https://example.org/plan" }, { cookie: cookie("bernard") });
    expect(noticeOf(answer)).toBe("envoye");
    const conversationId = conversationOf(answer);
    const [message] = await storedMessages(conversationId);
    expect(message?.topic?.text).toBe("Plan de prévention");
    expect(message?.sender?.reference).toBe(`Practitioner/${world.bernard}`);
    expect(message?.recipient).toEqual([{ reference: `Patient/${world.camilleId}` }]);
    expect((await noticesOf({ patientId: world.camilleId })).map((n) => n.link)).toContain(`/espace/messages/${conversationId}`);
    const listed = await listConversations(await repoOf(camille()));
    expect(listed.find((c) => c.id === conversationId)).toMatchObject({ subject: "Plan de prévention", unread: 1, practitionerId: world.bernard });
  });
});

describe("the FHIR API", () => {
  it("creates a message under the same rules, with the server's sender and time, and notifies its recipient", async () => {
    const conversationId = crypto.randomUUID();
    const forged = { ...aMessage({ patientId: world.camilleId, conversationId, recipient: `Practitioner/${world.autre}`, text: "Par l'API", sent: "2001-01-01T00:00:00Z" }), sender: { reference: `Practitioner/${world.autre}`, display: "Dr Quelqu'un" } };
    const created = await fhir("POST", "Communication", { cookie: cookie("camille"), headers: sameOrigin(), body: forged });
    expect(created.status).toBe(201);
    const stored = resourceOf<Communication>(created);
    expect(stored.sender).toEqual({ reference: `Patient/${world.camilleId}`, display: "Camille Martin" });
    expect(stored.sent).not.toBe("2001-01-01T00:00:00Z");
    expect((await noticesOf({ accountId: world.sessions.autre.accountId })).map((n) => n.link)).toContain(`/pro/messages/${conversationId}`);
  });
});

describe("who may write (SECURITY-CASES 51)", () => {
  it("offers Camille only the professionals let in now: not the blocked one, nor the one whose grant ended", async () => {
    const offered = (await messageRecipients(await repoOf(camille()), world.camilleId)).map((card) => card.id).sort();
    expect(offered).toEqual([world.bernard, world.autre].sort());
  });

  it("refuses a message to the blocked professional or to one whose access ended, forged past the select", async () => {
    const before = await messageCount();
    for (const practitionerId of [world.petit, world.ancien]) {
      const answer = await post("send", { destinataire: practitionerId, texte: "Bonjour" }, { cookie: cookie("camille") });
      expect(noticeOf(answer)).toBe("destinataire");
    }
    expect(await messageCount()).toBe(before);
  });

  it("refuses the blocked Dr Petit through the page route and through the FHIR API, with nothing written", async () => {
    const before = await messageCount();
    const page = await post("send", { patient: world.camilleId, texte: "Bonjour Camille" }, { cookie: cookie("petit") });
    expect(page.status).toBe(404);
    const api = await fhir("POST", "Communication", {
      cookie: cookie("petit"),
      headers: sameOrigin(),
      body: aMessage({ patientId: world.camilleId, conversationId: crypto.randomUUID(), recipient: `Patient/${world.camilleId}`, text: "Bonjour Camille" }),
    });
    expect([403, 404]).toContain(api.status);
    expect(isOutcome(api)).toBe(true);
    const ended = await post("send", { patient: world.camilleId, texte: "Bonjour" }, { cookie: cookie("ancien") });
    expect(ended.status).toBe(404);
    expect(await messageCount()).toBe(before);
  });

  it("keeps a professional out of the conversations of other professionals, and a patient out of another's", async () => {
    const answer = await post("send", { destinataire: world.autre, texte: "Question pour Dr Autre" }, { cookie: cookie("camille") });
    const conversationId = conversationOf(answer);
    await expect(readConversation(await repoOf(practitioner("bernard")), conversationId)).rejects.toMatchObject({ status: 404 });
    expect((await listConversations(await repoOf(practitioner("bernard")))).map((c) => c.id)).not.toContain(conversationId);
    const search = await fhir("GET", `Communication?patient=${world.camilleId}&_count=100`, { cookie: cookie("bernard") });
    expect(bundleOf(search).entry?.length).toBeGreaterThan(0);
    expect(bundleOf(search).entry?.every((entry) => JSON.stringify(entry.resource).includes(`Practitioner/${world.bernard}`))).toBe(true);
    const lea: Actor = { kind: "patient", accountId: world.sessions.lea.accountId, patientId: world.leaId };
    await expect(readConversation(await repoOf(lea), conversationId)).rejects.toMatchObject({ status: 404 });
    const before = await messageCount();
    const reply = await post("send", { conversation: conversationId, texte: "Intrusion" }, { cookie: cookie("lea") });
    expect(reply.status).toBe(404);
    const bernardReply = await post("send", { conversation: conversationId, texte: "Intrusion" }, { cookie: cookie("bernard") });
    expect(bernardReply.status).toBe(404);
    expect(await messageCount()).toBe(before);
  });
});

describe("attachments the recipient may not see (SECURITY-CASES 52)", () => {
  it("refuses a restricted, hidden or secret document, or another patient's, with a plain message and nothing sent", async () => {
    const before = await messageCount();
    for (const document of ["restricted", "hidden", "secret", "leas"] as const) {
      const answer = await post("send", { destinataire: world.bernard, texte: "Voici un document", document: world.documents[document].id! }, { cookie: cookie("camille") });
      expect(noticeOf(answer), document).toBe("document");
    }
    // A professional attaches only what they see themself.
    const fromPro = await post("send", { patient: world.camilleId, texte: "Voir ce document", document: world.documents.hidden.id! }, { cookie: cookie("bernard") });
    expect(noticeOf(fromPro)).toBe("document");
    const api = await fhir("POST", "Communication", {
      cookie: cookie("camille"),
      headers: sameOrigin(),
      body: aMessage({ patientId: world.camilleId, conversationId: crypto.randomUUID(), recipient: `Practitioner/${world.bernard}`, text: "Par l'API", documentIds: [world.documents.restricted.id!] }),
    });
    expect(api.status).toBe(422);
    expect(await messageCount()).toBe(before);
  });
});

describe("message injection (SECURITY-CASES 29)", () => {
  it("stores markup as text, and no subject or text changes the e-mail", async () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)`;
    const plain = await post("send", { destinataire: world.autre, texte: "Bonjour" }, { cookie: cookie("camille") });
    const answer = await post("send", { destinataire: world.autre, sujet: "<b>Objet</b>", texte: hostile }, { cookie: cookie("camille") });
    expect(noticeOf(answer)).toBe("envoye");
    const [message] = await storedMessages(conversationOf(answer));
    expect(message?.payload?.[0]?.contentString).toBe(hostile);
    const emails = await emailsOf(world.sessions.autre.accountId);
    expect(emails.length).toBeGreaterThanOrEqual(2);
    const [benign, injected] = emails.slice(-2);
    expect(benign?.text_body).toBeTruthy();
    expect(injected).toEqual(benign);
    expect(noticeOf(plain)).toBe("envoye");
    // A subject is one line: CR/LF (a header injection attempt) is refused, nothing sent.
    const before = await messageCount();
    const crlf = await post("send", { destinataire: world.autre, sujet: "Bonjour\r\nBcc: victime@example.org", texte: "x" }, { cookie: cookie("camille") });
    expect(noticeOf(crlf)).toBe("sujet");
    expect(await messageCount()).toBe(before);
  });

  it("bounds the text, with a clear refusal", async () => {
    for (const texte of ["", "   \n ", "a".repeat(5001), "null\u0000byte"]) {
      const answer = await post("send", { destinataire: world.bernard, texte }, { cookie: cookie("camille") });
      expect(noticeOf(answer)).toBe("texte");
    }
  });

  it("refuses a text of invisible characters only, which trimming leaves, through the form and the FHIR API, and notifies no one", async () => {
    const before = await messageCount();
    const noticesBefore = (await noticesOf({ accountId: world.sessions.bernard.accountId })).length;
    // Zero-width spaces, a no-break space and a word joiner, a Hangul filler: each prints nothing.
    for (const texte of ["\u200b\u200b", "\u00a0\u2060\n\u200d", "\u3164"]) {
      const answer = await post("send", { destinataire: world.bernard, texte }, { cookie: cookie("camille") });
      expect(noticeOf(answer), JSON.stringify(texte)).toBe("texte");
      const api = await fhir("POST", "Communication", {
        cookie: cookie("camille"),
        headers: sameOrigin(),
        body: aMessage({ patientId: world.camilleId, conversationId: crypto.randomUUID(), recipient: `Practitioner/${world.bernard}`, text: texte }),
      });
      expect(api.status, JSON.stringify(texte)).toBe(422);
    }
    expect(await messageCount()).toBe(before);
    expect(await noticesOf({ accountId: world.sessions.bernard.accountId })).toHaveLength(noticesBefore);
    // Words joined by an emoji's zero-width joiner are still words.
    const family = await post("send", { destinataire: world.bernard, texte: "Toute la famille 👨\u200d👩\u200d👧 va bien." }, { cookie: cookie("camille") });
    expect(noticeOf(family)).toBe("envoye");
  });
});

describe("withdrawing a message", () => {
  it("tells the sender who withdraws a message with a document that the document stays in the record, where the professional still sees it", async () => {
    const answer = await post("send", { destinataire: world.bernard, texte: "Voici le mauvais document", document: world.documents.normal.id! }, { cookie: cookie("camille") });
    const conversationId = conversationOf(answer);
    const [message] = await storedMessages(conversationId);
    const withdrawn = await post("withdraw", { message: message!.id! }, { cookie: cookie("camille") });
    expect(noticeOf(withdrawn)).toBe("retire_document");
    expect(withdrawn.headers.get("location")).toBe(`/espace/messages/${conversationId}?message=retire_document`);
    // What the notice says is so: the message no longer points at it, the professional still reads it.
    expect((await storedMessages(conversationId))[0]?.payload).toBeUndefined();
    expect((await fhir("GET", `DocumentReference/${world.documents.normal.id}`, { cookie: cookie("bernard") })).status).toBe(200);
    const page = await servePage(conversationPage, `/espace/messages/${conversationId}?message=retire_document`, {
      cookie: cookie("camille"),
      params: { conversation: conversationId },
      headers: { "x-nonce": "bm9uY2U=" },
    });
    expect(page.html?.replaceAll("&#x27;", "'")).toContain("Le message a été retiré. Le document joint, lui, reste dans le dossier, parmi les documents.");
  });

  it("lets the sender withdraw within five minutes: « message retiré », its text gone for everyone", async () => {
    const answer = await post("send", { destinataire: world.bernard, texte: "Message envoyé par erreur" }, { cookie: cookie("camille") });
    const conversationId = conversationOf(answer);
    const [message] = await storedMessages(conversationId);
    // The recipient may not withdraw it.
    expect(noticeOf(await post("withdraw", { message: message!.id! }, { cookie: cookie("bernard") }))).toBe("interdit");
    const withdrawn = await post("withdraw", { message: message!.id! }, { cookie: cookie("camille") });
    expect(noticeOf(withdrawn)).toBe("retire");
    const read = resourceOf<Communication>(await fhir("GET", `Communication/${message!.id}`, { cookie: cookie("bernard") }));
    expect(read.status).toBe("entered-in-error");
    expect(read.payload).toBeUndefined();
    const seen = await readConversation(await repoOf(practitioner("bernard")), conversationId);
    expect(seen.messages[0]).toMatchObject({ withdrawn: true, text: undefined });
    // Nor through the earlier versions: history and vread no longer show the text, to anyone.
    for (const who of ["bernard", "camille"] as const) {
      const history = await fhir("GET", `Communication/${message!.id}/_history`, { cookie: cookie(who) });
      expect(history.status).toBe(200);
      expect(history.text).not.toContain("Message envoyé par erreur");
      const first = await fhir("GET", `Communication/${message!.id}/_history/1`, { cookie: cookie(who) });
      expect(first.status).toBe(200);
      expect(first.text).not.toContain("Message envoyé par erreur");
    }
  });

  it("refuses after five minutes, and refuses any edit through the API", async () => {
    const old = await world.system.create(
      aMessage({
        patientId: world.camilleId,
        conversationId: crypto.randomUUID(),
        recipient: `Practitioner/${world.bernard}`,
        sender: `Patient/${world.camilleId}`,
        text: "Ancien message",
        sent: new Date(Date.now() - 6 * 60_000).toISOString(),
      }),
    );
    expect(noticeOf(await post("withdraw", { message: old.id! }, { cookie: cookie("camille") }))).toBe("retrait_tardif");
    const edit = await fhir("PUT", `Communication/${old.id}`, { cookie: cookie("camille"), headers: sameOrigin(), body: { ...old, payload: [{ contentString: "Texte modifié" }] } });
    expect(edit.status).toBe(403);
    const late = await fhir("PUT", `Communication/${old.id}`, { cookie: cookie("camille"), headers: sameOrigin(), body: { ...old, status: "entered-in-error", payload: undefined } });
    expect(late.status).toBe(403);
    expect((await storedMessages(old.identifier![0]!.value!))[0]?.payload?.[0]?.contentString).toBe("Ancien message");
  });
});

describe("a professional blocked with a conversation open (SECURITY-CASES 51)", () => {
  it("can no longer read it nor answer from the page left open, and the patient is no longer offered them", async () => {
    const answer = await post("send", { destinataire: world.autre, sujet: "Avant le blocage", texte: "Bonjour" }, { cookie: cookie("camille") });
    const conversationId = conversationOf(answer);
    expect((await readConversation(await repoOf(practitioner("autre")), conversationId)).messages).toHaveLength(1);
    await world.system.create(aBlock({ patientId: world.camilleId, practitionerId: world.autre }));
    const before = await messageCount();
    const reply = await post("send", { conversation: conversationId, texte: "Réponse depuis la page restée ouverte" }, { cookie: cookie("autre") });
    expect(reply.status).toBe(404);
    await expect(readConversation(await repoOf(practitioner("autre")), conversationId)).rejects.toMatchObject({ status: 404 });
    expect(await listConversations(await repoOf(practitioner("autre")))).toEqual([]);
    const patientReply = await post("send", { conversation: conversationId, texte: "Vous êtes là ?" }, { cookie: cookie("camille") });
    expect(noticeOf(patientReply)).toBe("destinataire");
    expect(await messageCount()).toBe(before);
    expect((await messageRecipients(await repoOf(camille()), world.camilleId)).map((card) => card.id)).toEqual([world.bernard]);
  });
});

describe("a new file attached", () => {
  it("goes through the documents' upload (same checks): a PDF is added to the record and attached, a disguised file is refused and nothing sent", async () => {
    const pdf = new File([new Uint8Array(await aPdf(["Ordonnance de kinésithérapie"]))], "kine.pdf", { type: "application/pdf" });
    const answer = await post("send", { destinataire: world.bernard, texte: "Voici le document", fichier: pdf }, { cookie: cookie("camille") });
    expect(noticeOf(answer)).toBe("envoye");
    const [message] = await storedMessages(conversationOf(answer));
    const reference = message?.payload?.[1]?.contentReference?.reference ?? "";
    expect(reference).toMatch(/^DocumentReference\//);
    expect((await fhir("GET", reference, { cookie: cookie("bernard") })).status).toBe(200);

    const before = await messageCount();
    const disguised = new File([new Uint8Array(htmlPretendingToBePdf)], "piege.pdf", { type: "application/pdf" });
    const refused = await post("send", { destinataire: world.bernard, texte: "Piège", fichier: disguised }, { cookie: cookie("camille") });
    expect(noticeOf(refused)).toBe("fichier");
    expect(await messageCount()).toBe(before);
  });
});

/**
 * Found by an exploratory test of the demo: Dr Bernard, writing to one patient, attached a file
 * of the wrong type; the page came back with the first patient of her list chosen, so the message
 * typed again went to another patient unless she noticed. The patient chosen is kept, and with
 * none chosen yet the list starts empty, so that the browser asks rather than picks.
 */
describe("a professional's new message: the patient it is for", () => {
  const patientSelect = (html: string) => /<select[^>]*name="patient"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";

  it("stays chosen when the message is refused and nothing is sent", async () => {
    const before = await messageCount();
    const disguised = new File([new Uint8Array(htmlPretendingToBePdf)], "piege.pdf", { type: "application/pdf" });
    const refused = await post("send", { patient: world.camilleId, texte: "Vos résultats", fichier: disguised }, { cookie: cookie("bernard") });
    expect(locationOf(refused).pathname).toBe("/pro/messages");
    expect(noticeOf(refused)).toBe("fichier");
    expect(locationOf(refused).searchParams.get("patient")).toBe(world.camilleId);
    expect(await messageCount()).toBe(before);
    const page = await servePage(proMessagesPage, `${locationOf(refused).pathname}${locationOf(refused).search}`, { cookie: cookie("bernard") });
    expect(patientSelect(page.html!)).toMatch(new RegExp(`<option value="${world.camilleId}" selected=""`));
    expect(patientSelect(page.html!)).not.toContain('value=""');
  });

  it("is asked for, not picked by the browser, when none is chosen yet", async () => {
    const page = await servePage(proMessagesPage, "/pro/messages", { cookie: cookie("bernard") });
    expect(patientSelect(page.html!)).toMatch(/^<option value="" selected="">Choisissez le patient<\/option>/);
    expect(page.html).toMatch(/<select[^>]*name="patient"[^>]*required=""/);
  });
});

/** The same on the patient's side: Camille writes to one of her several professionals. */
describe("a patient's new message: the professional it is for", () => {
  const recipientSelect = (html: string) => /<select[^>]*name="destinataire"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";

  it("stays chosen when the message is refused and nothing is sent, and is asked for when none is chosen yet", async () => {
    // A second professional she lets in, whatever the tests above did to the others.
    const other = (await world.system.create(aPractitioner({ given: "Rémi", family: "Second", rpps: "10109980098" }))).id!;
    await world.system.create(anAuthorisation({ patientId: world.camilleId, practitionerId: other, dateTime: new Date(Date.now() - 86_400_000).toISOString() }));
    const start = await servePage(messagesPage, "/espace/messages", { cookie: cookie("camille") });
    expect(recipientSelect(start.html!)).toMatch(/^<option value="" selected="">Choisissez le professionnel<\/option>/);
    expect(start.html).toMatch(/<select[^>]*name="destinataire"[^>]*required=""/);

    const before = await messageCount();
    const disguised = new File([new Uint8Array(htmlPretendingToBePdf)], "piege.pdf", { type: "application/pdf" });
    const refused = await post("send", { destinataire: other, texte: "Mes résultats", fichier: disguised }, { cookie: cookie("camille") });
    expect(noticeOf(refused)).toBe("fichier");
    expect(locationOf(refused).searchParams.get("a")).toBe(other);
    expect(await messageCount()).toBe(before);
    const back = await servePage(messagesPage, `${locationOf(refused).pathname}${locationOf(refused).search}`, { cookie: cookie("camille") });
    expect(recipientSelect(back.html!)).toMatch(new RegExp(`<option value="${other}" selected=""`));
    expect(recipientSelect(back.html!)).not.toContain('value=""');
  });
});
