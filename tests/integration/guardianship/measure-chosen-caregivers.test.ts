import type { RelatedPerson } from "@medplum/fhirtypes";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { delegationsTick } from "@/server/delegations/delegations-tick";
import { endProtectionMeasure } from "@/server/guardianship/end-protection-measure";
import { grantProtectionMeasure } from "@/server/guardianship/grant-protection-measure";
import * as relatives from "@/pages/espace/proches";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { fhir, resourceOf, sessionOf } from "../fhir-api/http";
import { clock } from "../delegations/test-clock";
import { noticeOf, personWithAccount, post, postId, secretFromOutbox } from "../delegations/world";
import { DECISION, measureWorld } from "./world";

vi.mock("@/server/clock", () => import("../delegations/test-clock"));

// A database of its own: delegationsTick() claims every live accepted invitation of the database
// it runs on (ending-notice.test.ts says how that broke another file on the shared one).
const db = useTestDatabase({ fresh: true });
const DAY = 24 * 3600 * 1000;

afterEach(() => {
  clock.offsetMs = 0;
});

/**
 * A caregiver the representative invited into the adult's space ends with his measure (Code civil
 * art. 440 al. 3: he acts in her name within the judge's decision), at the mainlevée or at the
 * measure's last day, whatever end he gave; one she invited herself keeps hers
 * (access/measure-choices.ts). Through the real doors: the invitation and acceptance routes, the
 * assistance's commands, the FHIR API on the moved clock.
 */
async function worldWithCaregivers(label: string) {
  const world = await measureWorld(label, 90);
  const sam = await personWithAccount(world.system, "Sam", "Conjoint", "male");
  const lea = await personWithAccount(world.system, "Lea", "Amie", "female");
  const ownEnd = addDaysToDay(parisDayOf(new Date()), 60);
  const paulInInes = await sessionOf(world.paul.account, world.ines.patientId);
  // Sam invited by Paul for her, Léa by Ines herself: the same rights, the same end.
  expect(noticeOf(await post("inviter", { prenom: "Sam", nom: "Conjoint", email: sam.email, lien: "conjoint", droits: ["documents:read"], fin: ownEnd }, paulInInes.cookie))).toBe("invite");
  expect(noticeOf(await post("inviter", { prenom: "Lea", nom: "Amie", email: lea.email, lien: "ami", droits: ["documents:read"], fin: ownEnd }, world.ines.session.cookie))).toBe("invite");
  const ties: Record<string, string> = {};
  for (const caregiver of [sam, lea]) {
    expect(noticeOf(await post("accepter", { jeton: (await secretFromOutbox(db(), caregiver.email, "invitation"))! }, caregiver.session.cookie))).toBe("acceptee");
    ties[caregiver.patientId] = await tieOf(world.ines.patientId, caregiver.patientId);
    // She ends the pause herself, so that they act now (sessionOf switches spaces on the real clock).
    expect(noticeOf(await postId("confirmer", ties[caregiver.patientId]!, {}, world.ines.session.cookie))).toBe("confirmee");
  }
  const cookies = { [sam.patientId]: (await sessionOf(sam.account, world.ines.patientId)).cookie, [lea.patientId]: (await sessionOf(lea.account, world.ines.patientId)).cookie };
  const reads = async (caregiver: typeof sam) => (await fhir("GET", `DocumentReference/${world.documentId}`, { cookie: cookies[caregiver.patientId] })).status;
  expect([await reads(sam), await reads(lea)]).toEqual([200, 200]);
  return { ...world, sam, lea, reads, paulInInes, samTie: ties[sam.patientId]!, leaTie: ties[lea.patientId]! };
}

/** The RelatedPerson of the caregiver's delegation in the adult's space. */
async function tieOf(patientId: string, agentPatientId: string): Promise<string> {
  const rows = await db().sql.query<{ id: string }>(
    "SELECT id::text AS id FROM fhir_resource WHERE resource_type = 'RelatedPerson' AND patient_id = $1::uuid AND content->'identifier' @> $2::jsonb",
    [patientId, JSON.stringify([{ value: agentPatientId }])],
  );
  return rows[0]!.id;
}

describe("the caregivers of a protected adult when the measure ends", () => {
  it("at the mainlevée: the one her representative chose ends on his next request; the one she chose goes on", async () => {
    const { ines, paul, sam, lea, reads, samTie, leaTie } = await worldWithCaregivers("measure-chosen-mainlevee");
    expect((await endProtectionMeasure({ adultEmail: ines.email, representativeEmail: paul.email, now: new Date() })).ok).toBe(true);
    expect([await reads(sam), await reads(lea)]).toEqual([404, 200]);
    // Her list says so: his choice ended with the measure; hers runs on.
    const list = (await servePage(relatives, "/espace/proches", { cookie: ines.session.cookie })).html!.replaceAll("&#x27;", "'");
    expect(list).toContain("Terminée avec la mesure de protection sous laquelle elle avait été donnée");
    expect(list.match(/Terminée avec la mesure de protection/g)).toHaveLength(1);
    // Twenty days before their own end, the delegations tick tells of hers, not of his ended one.
    clock.offsetMs = 40 * DAY;
    await delegationsTick();
    const told = async (tie: string) => (await db().sql.query("SELECT 1 FROM notification WHERE dedupe_key LIKE $1", [`delegation-ending:${tie}:%`])).length;
    expect([await told(samTie), await told(leaTie)]).toEqual([0, 2]);
  });

  it("at the measure's last day, brought before his own end by the assistance (a new decision): ends with it", async () => {
    const { ines, paul, sam, lea, reads } = await worldWithCaregivers("measure-chosen-expiry");
    const sooner = await grantProtectionMeasure({ adultEmail: ines.email, representativeEmail: paul.email, endDay: addDaysToDay(parisDayOf(new Date()), 10), decision: DECISION, now: new Date() });
    expect(sooner.ok && sooner.renewed).toBe(true);
    clock.offsetMs = 10 * DAY;
    expect([await reads(sam), await reads(lea)]).toEqual([200, 200]);
    clock.offsetMs = 12 * DAY;
    expect([await reads(sam), await reads(lea)]).toEqual([404, 200]);
  });

  it("ended by the mainlevée during the pause: she is not told that his caregiver's delegation is now active", async () => {
    const { system, ines, paul } = await measureWorld("measure-chosen-paused", 90);
    const noe = await personWithAccount(system, "Noe", "Voisin", "male");
    const lastDay = addDaysToDay(parisDayOf(new Date()), 60);
    const paulInInes = await sessionOf(paul.account, ines.patientId);
    expect(noticeOf(await post("inviter", { prenom: "Noe", nom: "Voisin", email: noe.email, lien: "ami", droits: ["documents:read"], fin: lastDay }, paulInInes.cookie))).toBe("invite");
    expect(noticeOf(await post("accepter", { jeton: (await secretFromOutbox(db(), noe.email, "invitation"))! }, noe.session.cookie))).toBe("acceptee");
    expect((await endProtectionMeasure({ adultEmail: ines.email, representativeEmail: paul.email, now: new Date() })).ok).toBe(true);
    clock.offsetMs = DAY + 60_000;
    await delegationsTick();
    const active = await db().sql.query("SELECT 1 FROM notification WHERE patient_id = $1::uuid AND kind = 'delegation-active'", [ines.patientId]);
    expect(active).toHaveLength(0);
  });

  it("the mark that ties his choice to the measure is not taken off by a request, his or hers", async () => {
    const { ines, samTie: id, paulInInes } = await worldWithCaregivers("measure-chosen-mark");
    for (const cookie of [paulInInes.cookie, ines.session.cookie]) {
      const stored = resourceOf<RelatedPerson>(await fhir("GET", `RelatedPerson/${id}`, { cookie }));
      expect(stored.extension?.some((ext) => ext.url.endsWith("/chosen-under-measure"))).toBe(true);
      const unmarked = { ...stored, extension: stored.extension?.filter((ext) => !ext.url.endsWith("/chosen-under-measure")) };
      const answer = await fhir("PUT", `RelatedPerson/${id}`, { cookie, body: unmarked, headers: { "if-match": `W/"${stored.meta?.versionId}"` } });
      expect(answer.status).toBe(403);
    }
  });
});
