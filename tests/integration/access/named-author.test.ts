import { describe, expect, it } from "vitest";
import { anObservation } from "@/lib/fhir/builders/record";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld } from "../documents/world";

/**
 * Naming a professional as a resource's author gives them the author's rights over it and takes
 * them from the patient. A patient's body cannot do that (found by the FHIR API's matrix: a
 * patient's Observation with performer Dr Bernard became Bernard's to edit and not hers to delete).
 */
useTestDatabase();

describe("who may name a professional as author", () => {
  it("refuses a patient's resource that names a professional as its author, and stores nothing", async () => {
    const world = await buildWorld();
    const camille = await world.repoFor(world.actors.camille);
    const before = (await camille.search("Observation", { patientId: world.ids.camille, count: 100 })).resources.length;
    await expect(
      camille.create(anObservation({ patientId: world.ids.camille, performer: `Practitioner/${world.actors.bernard.practitionerId}` })),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining("auteur") });
    expect((await camille.search("Observation", { patientId: world.ids.camille, count: 100 })).resources.length).toBe(before);
  });

  it("lets a patient record their own measurement", async () => {
    const world = await buildWorld();
    const camille = await world.repoFor(world.actors.camille);
    const own = await camille.create(anObservation({ patientId: world.ids.camille, performer: `Patient/${world.ids.camille}` }));
    expect((await camille.read("Observation", own.id!)).id).toBe(own.id);
  });

  it("lets an authorised professional sign as themself, not as a colleague, and not rewrite the author later", async () => {
    const world = await buildWorld();
    const bernard = await world.repoFor(world.actors.bernard);
    const self = `Practitioner/${world.actors.bernard.practitionerId}`;
    const own = await bernard.create(anObservation({ patientId: world.ids.camille, performer: self }));
    await expect(
      bernard.create(anObservation({ patientId: world.ids.camille, performer: `Practitioner/${world.actors.petit.practitionerId}` })),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      bernard.update({ ...own, performer: [{ reference: `Practitioner/${world.actors.moreau.practitionerId}` }] }),
    ).rejects.toMatchObject({ status: 403 });
    const kept = await bernard.update({ ...own, valueQuantity: { value: 7.1, unit: "%" } });
    expect(kept.meta?.versionId).toBe("2");
  });
});
