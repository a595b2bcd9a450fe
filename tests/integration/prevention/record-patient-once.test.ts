import { describe, expect, it } from "vitest";
import { newId } from "@/lib/fhir/builders/ids";
import { patientIdentity } from "@/server/documents/patient-identity";
import { createRepository } from "@/server/fhir/repository";
import { preventionOf } from "@/server/prevention/evaluate-patient";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld } from "./world";

const db = useTestDatabase();

async function patientRowsOf(patientId: string, agent: string, since: bigint) {
  return db().prisma.auditEvent.findMany({ where: { patientId, agent, entity: { startsWith: "Patient" }, seq: { gt: since } }, select: { interaction: true, outcome: true } });
}

/**
 * The professional's view of a record reads the Patient for its title (patientIdentity) and its
 * prevention summary: the summary takes that Patient rather than reading it again (one round trip
 * and one audit row less per view, issue 16), and still finds the same items.
 */
describe("the prevention summary of a record already read", () => {
  it("reads the Patient once, leaves one row for it, and finds what reading it again finds", async () => {
    const world = await buildWorld();
    const agent = `Practitioner/${world.ids.bernard}`;
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: world.ids.bernard });
    const last = async () => (await db().prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;

    const before = await last();
    const identity = (await patientIdentity(repo, world.ids.jean))!;
    const given = await preventionOf(repo, world.ids.jean, { patient: identity.patient });
    expect(await patientRowsOf(world.ids.jean, agent, before)).toEqual([{ interaction: "search", outcome: "success" }]);

    const between = await last();
    const readAgain = await preventionOf(repo, world.ids.jean);
    expect(await patientRowsOf(world.ids.jean, agent, between)).toEqual([{ interaction: "read", outcome: "success" }]);
    expect(given.items).toEqual(readAgain.items);
    expect(given.items.some((item) => item.item === "DTP_ADULT")).toBe(true);
  });

  it("reads the Patient it is asked about, not one handed over for someone else", async () => {
    const world = await buildWorld();
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: world.ids.bernard });
    const jean = (await patientIdentity(repo, world.ids.jean))!;
    // Léo's record is not Dr Bernard's: Jean's Patient handed over changes nothing, the read is refused.
    await expect(preventionOf(repo, world.ids.leo, { patient: jean.patient })).rejects.toThrow();
  });
});
