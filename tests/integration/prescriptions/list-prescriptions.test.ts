import { beforeAll, describe, expect, it } from "vitest";
import { getPrescription } from "@/server/prescriptions/get-prescription";
import { listPrescriptions } from "@/server/prescriptions/list-prescriptions";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe("the prescriptions page of a space", () => {
  it("lists active prescriptions first, then past ones, with lines, prescriber, validity and renewals", async () => {
    const list = await listPrescriptions(await world.repoFor(world.actors.camille));
    expect(list.active.map((p) => p.id)).toEqual([world.camilleActive.prescriptionId]);
    expect(list.past.map((p) => p.id).sort()).toEqual([world.camilleOld.prescriptionId, world.camilleDispensed.prescriptionId].sort());
    const active = list.active[0]!;
    expect(active.prescriber).toBe("Dr Sophie Bernard");
    expect(active.validUntil && new Date(active.validUntil) > new Date()).toBe(true);
    const paracetamol = active.lines.find((l) => l.medication.startsWith("Paracétamol"))!;
    expect(paracetamol).toMatchObject({ quantityPerFill: 2, renewalsAllowed: 1, totalQuantity: 4, renewalsLeft: 1, remainingQuantity: 4, unit: "boîte(s)" });
    expect(paracetamol.dosage).toEqual(["1 comprimé jusqu'à 3 fois par jour si douleur"]);
    expect(list.past.find((p) => p.id === world.camilleOld.prescriptionId)?.state).toBe("expired");
  });

  it("shows what was dispensed: how much, when", async () => {
    const list = await listPrescriptions(await world.repoFor(world.actors.camille));
    const dispensed = list.past.find((p) => p.id === world.camilleDispensed.prescriptionId)!;
    expect(dispensed.state).toBe("dispensed");
    expect(dispensed.dispensations).toHaveLength(1);
    expect(dispensed.dispensations[0]).toMatchObject({ quantity: 14, unit: "comprimé(s)", partial: false });
    expect(dispensed.dispensations[0]!.when).toBeTruthy();
  });

  it("a caregiver with prescriptions:read sees the patient's prescriptions but may not share them", async () => {
    const list = await listPrescriptions(await world.repoFor(world.actors.nadiaForJean));
    expect(list.active.map((p) => p.id)).toEqual([world.jeanActive.prescriptionId]);
    const detail = await getPrescription(await world.repoFor(world.actors.nadiaForJean), world.jeanActive.prescriptionId);
    expect(detail.links).toBeUndefined();
  });

  it("another patient's prescription is a 404, like one that does not exist (case 1)", async () => {
    const camille = await world.repoFor(world.actors.camille);
    await expect(getPrescription(camille, world.jeanActive.prescriptionId)).rejects.toMatchObject({ status: 404 });
    await expect(getPrescription(camille, "no-such-prescription")).rejects.toMatchObject({ status: 404 });
  });
});
