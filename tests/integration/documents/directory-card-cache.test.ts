import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Organization, Practitioner } from "@medplum/fhirtypes";
import { DIRECTORY_NAME_TTL_MS } from "@/server/fhir/directory-entry-names";
import { newId } from "@/lib/fhir/builders/ids";
import { anOrganization, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

afterEach(() => vi.restoreAllMocks());

/** The cards a page shows for these professionals, and the directory statements that cost. */
async function described(ids: string[]) {
  const repo = await world.repoFor(world.actors.camille);
  const spy = vi.spyOn(db().sql, "query");
  try {
    const cards = await repo.describeProfessionals(ids);
    const reads = spy.mock.calls.filter(([text]) => String(text).includes("AS practitioner")).map(([, params]) => (params as unknown[])[0]);
    return { cards, reads };
  } finally {
    spy.mockRestore();
  }
}

/** A professional of their own, working in a facility of their own (one card no other test reads). */
async function aProfessional() {
  const clinic = await world.system.create(anOrganization({ id: newId(), name: `Cabinet ${newId().slice(0, 8)}`, address: { line: "2 rue des Tests", postalCode: "13001", city: "Marseille" } }));
  const doctor = await world.system.create(aPractitioner({ id: newId(), given: "Yann", family: `Carte-${newId().slice(0, 8)}` }));
  const role = await world.system.create(aPractitionerRole({ practitionerId: doctor.id!, organizationId: clinic.id }));
  return { doctor, clinic, role };
}

/**
 * The directory's cards (name, specialty, town) the sharing and messages pages show, kept a
 * minute by each process as the directory's names are (directory-cards.ts): the directory is
 * public to every signed-in actor and holds nothing of a patient.
 */
describe("the professionals' cards, kept a minute by each process", () => {
  it("are read once, then found without a statement", async () => {
    const { doctor } = await aProfessional();
    const first = await described([doctor.id!]);
    expect(first.reads).toHaveLength(1);
    expect(first.cards.get(doctor.id!)).toMatchObject({ name: expect.stringContaining("Yann"), specialty: "médecin généraliste", town: "Marseille" });
    const second = await described([doctor.id!]);
    expect(second.reads).toHaveLength(0);
    expect(second.cards).toEqual(first.cards);
  });

  it("read only the professionals not known", async () => {
    // Both made first: a facility written through this process forgets every card (a town may change).
    const known = await aProfessional();
    const other = await aProfessional();
    await described([known.doctor.id!]);
    expect((await described([known.doctor.id!, other.doctor.id!])).reads).toEqual([[other.doctor.id]]);
  });

  it("show at once a change made through this process: a rename, a new specialty, a facility that moved", async () => {
    const { doctor, clinic, role } = await aProfessional();
    await described([doctor.id!]);
    await world.system.update<Practitioner>({ ...doctor, name: [{ given: ["Yann"], family: "Renommé" }] });
    expect((await described([doctor.id!])).cards.get(doctor.id!)?.name).toContain("Renommé");
    await world.system.update({ ...role, specialty: [{ text: "cardiologue" }] });
    expect((await described([doctor.id!])).cards.get(doctor.id!)?.specialty).toBe("cardiologue");
    await world.system.update<Organization>({ ...clinic, address: [{ city: "Toulon" }] });
    expect((await described([doctor.id!])).cards.get(doctor.id!)?.town).toBe("Toulon");
  });

  it("are read again once a minute old: a change made through another process shows within that time", async () => {
    const { doctor } = await aProfessional();
    await described([doctor.id!]);
    await db().sql.query("UPDATE fhir_resource SET content = jsonb_set(content, '{name}', '[{\"given\": [\"Yann\"], \"family\": \"Ailleurs\"}]') WHERE id = $1::uuid", [doctor.id]);
    expect((await described([doctor.id!])).cards.get(doctor.id!)?.name).not.toContain("Ailleurs");
    const now = performance.now();
    vi.spyOn(performance, "now").mockReturnValue(now + DIRECTORY_NAME_TTL_MS + 1_000);
    const later = await described([doctor.id!]);
    expect(later.reads).toHaveLength(1);
    expect(later.cards.get(doctor.id!)?.name).toContain("Ailleurs");
  });

  it("describe nobody for an id the directory does not hold, without reading it again", async () => {
    const missing = newId();
    expect((await described([missing])).cards.size).toBe(0);
    const again = await described([missing]);
    expect(again.cards.size).toBe(0);
    expect(again.reads).toHaveLength(0);
  });
});
