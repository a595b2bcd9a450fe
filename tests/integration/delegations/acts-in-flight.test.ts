import { describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/documents/route";
import { POST as authorise } from "@/app/api/partage/autoriser/route";
import { POST as share } from "@/app/api/ordonnances/[id]/partager/route";
import { POST as sendMessage } from "@/app/api/messages/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import type { Scope } from "@/server/access/scopes";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { aPdf } from "../documents/world";
import { appUrl, sessionOf, warmUpValidator } from "../fhir-api/http";
import { noticeOf, personWithAccount, postId } from "./world";

const db = useTestDatabase();

/**
 * Case 22, with the act already on its way: a caregiver's post is past its session check (the
 * delegation was live then) while the patient withdraws or narrows the delegation. Once the
 * patient's « Retirer » has answered, nothing the caregiver sent may land. The post's body is
 * held until the patient's change has returned: every form route checks the session before it
 * reads the body, so this is the widest window a slow connection gives.
 */
async function world(scopes: Scope[]) {
  warmUpValidator();
  const system = await systemRepository("acts-in-flight-tests");
  const camille = await personWithAccount(system, "Camille", "EnVol", "female");
  const lea = await personWithAccount(system, "Lea", "Aidante", "female");
  const tie = await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Aidante" }, scopes, end: addDaysToDay(parisDayOf(new Date()), 60) }));
  const doctor = await system.create(aPractitioner({ given: "Paul", family: "EnVol" }));
  await system.create(anAuthorisation({ patientId: camille.patientId, practitionerId: doctor.id! }));
  // Not authorised yet: the sharing change below would add his authorisation.
  const newcomer = await system.create(aPractitioner({ given: "Noe", family: "EnVol" }));
  const lines = aPrescription({ patientId: camille.patientId, requesterId: doctor.id! });
  for (const line of lines) await system.create(line);
  const prescriptionId = lines[0]!.groupIdentifier!.value!;
  return { camille, tie: tie.id!, doctorId: doctor.id!, newcomerId: newcomer.id!, prescriptionId, leaInCamille: await sessionOf(lea.account, camille.patientId) };
}

/** A post whose body the route gets only after release(); `reading` settles when the route starts to read it. */
function heldPost(path: string, cookie: string, body: Uint8Array, contentType: string) {
  let started!: () => void;
  let release!: () => void;
  const reading = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        started();
        await released;
        controller.enqueue(body);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`${appUrl()}${path}`, {
    method: "POST",
    headers: { origin: appUrl(), cookie, "content-type": contentType },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, reading, release };
}

async function multipart(title: string): Promise<{ bytes: Uint8Array; type: string }> {
  const form = new FormData();
  form.set("titre", title);
  form.set("type", "personal");
  form.set("date", parisDayOf(new Date()));
  form.set("fichier", new File([new Uint8Array(await aPdf(["Compte rendu"]))], "compte-rendu.pdf", { type: "application/pdf" }));
  const encoded = new Response(form);
  return { bytes: new Uint8Array(await encoded.arrayBuffer()), type: encoded.headers.get("content-type") ?? "" };
}

async function count(sql: string, patientId: string): Promise<number> {
  return (await db().sql.query(sql, [patientId])).length;
}
const documentsOf = (patientId: string) => count("SELECT 1 FROM fhir_resource WHERE resource_type = 'DocumentReference' AND patient_id = $1::uuid AND NOT deleted", patientId);
const linksOf = (patientId: string) => count("SELECT 1 FROM share_link WHERE patient_id = $1::uuid", patientId);
const messagesOf = (patientId: string) => count("SELECT 1 FROM fhir_resource WHERE resource_type = 'Communication' AND patient_id = $1::uuid", patientId);
const consentsOf = (patientId: string) => count("SELECT 1 FROM fhir_resource WHERE resource_type = 'Consent' AND patient_id = $1::uuid AND NOT deleted", patientId);

async function uploadHeldWhile(cookie: string, change: () => Promise<void>): Promise<Response> {
  const { bytes, type } = await multipart("Compte rendu envoyé pendant le retrait");
  const held = heldPost("/api/documents", cookie, bytes, type);
  const answer = inRequestScope(held.request, () => upload(held.request));
  await held.reading;
  await change();
  held.release();
  return answer;
}

describe("a caregiver's act in flight while the patient withdraws or narrows the delegation", () => {
  it("an upload sent before « Retirer » and finished after it adds nothing", async () => {
    const { camille, tie, leaInCamille } = await world(["documents:read", "documents:write"]);
    const before = await documentsOf(camille.patientId);
    const answer = await uploadHeldWhile(leaInCamille.cookie, async () => {
      expect(noticeOf(await postId("retirer", tie, {}, camille.session.cookie))).toBe("retiree");
    });
    expect(answer.status).not.toBe(500);
    expect(await documentsOf(camille.patientId)).toBe(before);
    // Camille's trail says a write was refused because the delegation had ended.
    const refused = await db().prisma.auditEvent.findMany({ where: { patientId: camille.patientId, outcome: "denied", reason: "delegation-ended" } });
    expect(refused.map((row) => row.interaction)).toEqual(["create"]);
  });

  it("an upload sent before the right to add documents was taken away adds nothing", async () => {
    const { camille, tie, leaInCamille } = await world(["documents:read", "documents:write"]);
    const before = await documentsOf(camille.patientId);
    const answer = await uploadHeldWhile(leaInCamille.cookie, async () => {
      const fin = addDaysToDay(parisDayOf(new Date()), 30);
      expect(noticeOf(await postId("modifier", tie, { droits: ["documents:read"], fin }, camille.session.cookie))).toBe("modifiee");
    });
    expect(answer.status).not.toBe(500);
    expect(await documentsOf(camille.patientId)).toBe(before);
  });

  it("a sharing change sent before « Retirer » and finished after it changes nothing", async () => {
    const { camille, tie, newcomerId, leaInCamille } = await world(["privacy:manage"]);
    const before = await consentsOf(camille.patientId);
    const body = new TextEncoder().encode(new URLSearchParams({ praticien: newcomerId, niveau: "N", jusqu_au: "" }).toString());
    const held = heldPost("/api/partage/autoriser", leaInCamille.cookie, body, "application/x-www-form-urlencoded");
    const answer = inRequestScope(held.request, () => authorise(held.request));
    await held.reading;
    expect(noticeOf(await postId("retirer", tie, {}, camille.session.cookie))).toBe("retiree");
    held.release();
    expect((await answer).status).not.toBe(500);
    expect(await consentsOf(camille.patientId)).toBe(before);
  });

  it("a message in Camille's name sent before « Retirer » and finished after it is not sent", async () => {
    const { camille, tie, doctorId, leaInCamille } = await world(["messages:write"]);
    const body = new TextEncoder().encode(new URLSearchParams({ destinataire: doctorId, sujet: "Renouvellement", texte: "Bonjour docteur" }).toString());
    const held = heldPost("/api/messages", leaInCamille.cookie, body, "application/x-www-form-urlencoded");
    const answer = inRequestScope(held.request, () => sendMessage(held.request));
    await held.reading;
    expect(noticeOf(await postId("retirer", tie, {}, camille.session.cookie))).toBe("retiree");
    held.release();
    expect((await answer).status).not.toBe(500);
    expect(await messagesOf(camille.patientId)).toBe(0);
  });

  it("a prescription sent to a pharmacy before the right to share was taken away makes no link", async () => {
    const { camille, tie, prescriptionId, leaInCamille } = await world(["prescriptions:read", "prescriptions:share"]);
    const body = new TextEncoder().encode(new URLSearchParams({ code: "oui" }).toString());
    const held = heldPost(`/api/ordonnances/${prescriptionId}/partager`, leaInCamille.cookie, body, "application/x-www-form-urlencoded");
    const answer = inRequestScope(held.request, () => share(held.request, { params: Promise.resolve({ id: prescriptionId }) }));
    await held.reading;
    const fin = addDaysToDay(parisDayOf(new Date()), 30);
    expect(noticeOf(await postId("modifier", tie, { droits: ["prescriptions:read"], fin }, camille.session.cookie))).toBe("modifiee");
    held.release();
    expect((await answer).status).not.toBe(500);
    expect(await linksOf(camille.patientId)).toBe(0);
  });
});
