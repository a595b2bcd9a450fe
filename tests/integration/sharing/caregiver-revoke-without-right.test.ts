import { describe, expect, it } from "vitest";
import { POST as revoke } from "@/app/api/ordonnances/[id]/liens/[linkId]/revoquer/route";
import { POST as share } from "@/app/api/ordonnances/[id]/partager/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import * as trail from "@/pages/espace/historique";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, sessionOf, warmUpValidator } from "../fhir-api/http";
import { noticeOf, personWithAccount, postId } from "../delegations/world";
import { servePage } from "../pages/pages-route";

const db = useTestDatabase();

/**
 * A caregiver whose right to share Camille's prescriptions was taken away (her delegation narrowed
 * to reading them, or withdrawn) may no longer end a pharmacy's link either, hers or Camille's:
 * ending a link is managing the links, an act in Camille's name that only the right to share
 * gives, as creating one is (share-prescription.ts). She no longer sees the links, so the answer
 * is the 404 of a link that does not exist; the link stays alive, and Camille's trail has the
 * refused attempt, not a revocation.
 */
async function world() {
  warmUpValidator();
  const system = await systemRepository("caregiver-revoke-tests");
  const camille = await personWithAccount(system, "Camille", "Retrait", "female");
  const lea = await personWithAccount(system, "Lea", "Retrait", "female");
  const tie = await system.create(
    aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Retrait" }, scopes: ["prescriptions:read", "prescriptions:share"], end: addDaysToDay(parisDayOf(new Date()), 60) }),
  );
  const doctor = await system.create(aPractitioner({ given: "Paul", family: "Retrait" }));
  await system.create(anAuthorisation({ patientId: camille.patientId, practitionerId: doctor.id! }));
  const lines = aPrescription({ patientId: camille.patientId, requesterId: doctor.id! });
  for (const line of lines) await system.create(line);
  const prescriptionId = lines[0]!.groupIdentifier!.value!;
  return { camille, tie: tie.id!, prescriptionId, lea: await sessionOf(lea.account, camille.patientId), leaAgent: `Patient/${lea.patientId}` };
}

function form(path: string, cookie: string, fields: Record<string, string> = {}): Request {
  return new Request(`${appUrl()}${path}`, {
    method: "POST",
    headers: { origin: appUrl(), cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

async function shareAs(cookie: string, prescriptionId: string): Promise<string> {
  const request = form(`/api/ordonnances/${prescriptionId}/partager`, cookie, { code: "oui" });
  const answer = await inRequestScope(request, () => share(request, { params: Promise.resolve({ id: prescriptionId }) }));
  expect(answer.status).toBe(303);
  const rows = await db().sql.query<{ id: string }>("SELECT id::text AS id FROM share_link WHERE prescription_id = $1 ORDER BY created_at DESC LIMIT 1", [prescriptionId]);
  return rows[0]!.id;
}

async function revokeAs(cookie: string, prescriptionId: string, linkId: string): Promise<Response> {
  const request = form(`/api/ordonnances/${prescriptionId}/liens/${linkId}/revoquer`, cookie);
  return inRequestScope(request, () => revoke(request, { params: Promise.resolve({ id: prescriptionId, linkId }) }));
}

const revokedAt = async (linkId: string) => (await db().sql.query<{ revoked_at: Date | null }>("SELECT revoked_at FROM share_link WHERE id = $1::uuid", [linkId]))[0]!.revoked_at;
const revokeRows = (patientId: string, agent: string) =>
  db().sql.query<{ outcome: string; reason: string | null; entity: string }>(
    "SELECT outcome, reason, entity FROM audit_event WHERE patient_id = $1::uuid AND agent = $2 AND interaction = 'revoke-share' ORDER BY seq",
    [patientId, agent],
  );

describe("a caregiver without the right to share ends no pharmacy link", () => {
  it("her delegation narrowed to reading: neither her link nor Camille's is ended, and the attempts are in Camille's trail", async () => {
    const { camille, tie, prescriptionId, lea, leaAgent } = await world();
    const camillesLink = await shareAs(camille.session.cookie, prescriptionId);
    const leasLink = await shareAs(lea.cookie, prescriptionId);
    const fin = addDaysToDay(parisDayOf(new Date()), 30);
    expect(noticeOf(await postId("modifier", tie, { droits: ["prescriptions:read"], fin }, camille.session.cookie))).toBe("modifiee");

    for (const linkId of [camillesLink, leasLink]) {
      expect((await revokeAs(lea.cookie, prescriptionId, linkId)).status).toBe(404);
      expect(await revokedAt(linkId)).toBeNull();
    }
    expect(await revokeRows(camille.patientId, leaAgent)).toEqual([
      { outcome: "denied", reason: "scope-missing", entity: "ShareLink" },
      { outcome: "denied", reason: "scope-missing", entity: "ShareLink" },
    ]);
    // Camille's history page says it, among the refused attempts: an end of a sharing, by Léa.
    const html = (await servePage(trail, "/espace/historique", { cookie: camille.session.cookie })).html!;
    const history = html.replaceAll("&#x27;", "'").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(history.split("Lea Retrait pour vous Fin d'un partage : un lien de partage Refusé")).toHaveLength(3);
    // Camille still may: the link ends, once, in her name.
    expect((await revokeAs(camille.session.cookie, prescriptionId, leasLink)).status).toBe(303);
    expect(await revokedAt(leasLink)).not.toBeNull();
    expect(await revokeRows(camille.patientId, `Patient/${camille.patientId}`)).toEqual([{ outcome: "success", reason: null, entity: `ShareLink/${leasLink}` }]);
  });

  it("her delegation withdrawn: the link she made stays alive", async () => {
    const { camille, tie, prescriptionId, lea } = await world();
    const leasLink = await shareAs(lea.cookie, prescriptionId);
    expect(noticeOf(await postId("retirer", tie, {}, camille.session.cookie))).toBe("retiree");
    // Her session is back in her own space: the post lands on her home, ending nothing.
    const answer = await revokeAs(lea.cookie, prescriptionId, leasLink);
    expect(answer.headers.get("location")).not.toContain("lien-revoque");
    expect(await revokedAt(leasLink)).toBeNull();
  });
});
