import { beforeAll, describe, expect, it } from "vitest";
import { aBlock } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { whileTurnsTaken } from "../limits/taken-turns";
import { pdfOfSize } from "../documents/hostile-files";
import { aPdf } from "../documents/world";
import * as messagesPage from "@/pages/espace/messages";
import { servePage } from "../pages/pages-route";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * A new file sent with a message is one unit with it (issue 15): when the message is refused
 * after the file passed its checks (the professional blocked meanwhile, a document attached that
 * he may not see), no DocumentReference, Binary or stored bytes are left in the patient's record.
 * Through POST /api/messages with Camille's session; counted for this test's patient only.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

type Footprint = { documents: number; binaries: number; versions: number; bytes: number };

async function footprint(patientId: string): Promise<Footprint> {
  const [row] = await db().sql.query<{ documents: string; binaries: string; versions: string; bytes: string }>(
    `SELECT (SELECT count(*) FROM fhir_resource WHERE patient_id = $1::uuid AND resource_type = 'DocumentReference') AS documents,
            (SELECT count(*) FROM fhir_resource WHERE patient_id = $1::uuid AND resource_type = 'Binary') AS binaries,
            (SELECT count(*) FROM fhir_resource_history WHERE patient_id = $1::uuid AND resource_type IN ('DocumentReference', 'Binary')) AS versions,
            (SELECT count(*) FROM binary_content WHERE patient_id = $1::uuid) AS bytes`,
    [patientId],
  );
  return { documents: Number(row?.documents), binaries: Number(row?.binaries), versions: Number(row?.versions), bytes: Number(row?.bytes) };
}

const aFile = async (name: string) => new File([new Uint8Array(await aPdf([`Compte rendu ${name}`]))], `${name}.pdf`, { type: "application/pdf" });

describe("a message refused with a new file attached", () => {
  it("a file sent with an accepted message is added to the record (the count below can move)", async () => {
    const before = await footprint(world.camilleId);
    const sent = await post("send", { destinataire: world.bernard, texte: "Voici mon compte rendu", fichier: await aFile("accepte") }, { cookie: world.sessions.camille.cookie });
    expect(noticeOf(sent)).toBe("envoye");
    expect(await footprint(world.camilleId)).toEqual({ documents: before.documents + 1, binaries: before.binaries + 1, versions: before.versions + 2, bytes: before.bytes + 1 });
  });

  it("a reply to a professional blocked meanwhile leaves no document and no bytes", async () => {
    const opened = await post("send", { destinataire: world.autre, texte: "Bonjour" }, { cookie: world.sessions.camille.cookie });
    expect(noticeOf(opened)).toBe("envoye");
    await world.system.create(aBlock({ patientId: world.camilleId, practitionerId: world.autre }));
    const before = await footprint(world.camilleId);
    const reply = await post("send", { conversation: conversationOf(opened), texte: "Voici le fichier", fichier: await aFile("bloque") }, { cookie: world.sessions.camille.cookie });
    expect(noticeOf(reply)).toBe("destinataire");
    expect(await footprint(world.camilleId)).toEqual(before);
  });

  it("a caregiver who may write messages but not add documents is refused the file: nothing sent, no bytes written, the refusal in the trail", async () => {
    const before = await footprint(world.camilleId);
    const [trailBefore] = await db().sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_event WHERE patient_id = $1::uuid AND entity = 'DocumentReference' AND interaction = 'create' AND outcome = 'denied'`,
      [world.camilleId],
    );
    const refused = await post("send", { destinataire: world.bernard, texte: "Le compte rendu de Camille", fichier: await aFile("aidante") }, { cookie: world.sessions.maya.cookie });
    // Told it is her delegation's rights, not the file (« il faut un PDF… de 20 Mo au plus », about a PDF of a few kB).
    expect(noticeOf(refused)).toBe("fichier_droit");
    expect(await footprint(world.camilleId)).toEqual(before);
    const [trailAfter] = await db().sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_event WHERE patient_id = $1::uuid AND entity = 'DocumentReference' AND interaction = 'create' AND outcome = 'denied'`,
      [world.camilleId],
    );
    expect(Number(trailAfter?.n)).toBe(Number(trailBefore?.n) + 1);
  });

  it("a message refused for a document the professional may not see leaves the new file out too", async () => {
    const before = await footprint(world.camilleId);
    const refused = await post(
      "send",
      { destinataire: world.bernard, texte: "Deux pièces jointes", document: world.documents.restricted.id!, fichier: await aFile("restreint") },
      { cookie: world.sessions.camille.cookie },
    );
    expect(noticeOf(refused)).toBe("document");
    expect(await footprint(world.camilleId)).toEqual(before);
  });
});

describe("a message with a file while the uploads' turns are taken (upload-turns.ts)", () => {
  it("is not sent, says to try again, and leaves nothing; a message without a file goes through meanwhile", async () => {
    await whileTurnsTaken(200, async () => {
      const before = await footprint(world.camilleId);
      const big = new File([new Uint8Array(await pdfOfSize(2 * 1024 * 1024))], "grand.pdf", { type: "application/pdf" });
      const refused = await post("send", { destinataire: world.bernard, texte: "Le scanner complet", fichier: big }, { cookie: world.sessions.camille.cookie });
      expect(noticeOf(refused)).toBe("occupe");
      // What was typed comes back (it was lost), from the body's start: the page shows it again.
      const typed = refused.headers.getSetCookie().find((cookie) => cookie.startsWith("espace-sante.message-saisie="))?.split(";")[0];
      expect(typed).toBeTruthy();
      const page = await servePage(messagesPage, refused.headers.get("location")!, { cookie: `${world.sessions.camille.cookie}; ${typed}` });
      expect(page.html).toMatch(/name="texte"[^>]*>Le scanner complet<\/textarea>/);
      expect(await footprint(world.camilleId)).toEqual(before);
      const plain = await post("send", { destinataire: world.bernard, texte: "Je vous l'envoie plus tard" }, { cookie: world.sessions.camille.cookie });
      expect(noticeOf(plain)).toBe("envoye");
    });
  }, 60_000);
});
