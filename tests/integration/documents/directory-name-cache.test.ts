import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Practitioner } from "@medplum/fhirtypes";
import { directoryNames } from "@/server/documents/directory-names";
import { DIRECTORY_NAME_TTL_MS } from "@/server/fhir/directory-entry-names";
import { newId } from "@/lib/fhir/builders/ids";
import { anOrganization, aPractitioner } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

afterEach(() => vi.restoreAllMocks());

/** The names the pages show for these references, and the directory statements that cost. */
async function named(refs: string[], actor: keyof World["actors"] = "camille") {
  const repo = await world.repoFor(world.actors[actor]);
  const spy = vi.spyOn(db().sql, "query");
  try {
    const names = await directoryNames(repo, refs);
    const reads = spy.mock.calls.filter(([text]) => String(text).includes("FROM fhir_resource") && String(text).includes("resource_type = ANY")).length;
    return { names, reads };
  } finally {
    spy.mockRestore();
  }
}

/** Camille's directory searches, as her trail keeps them (newest last). */
const searches = () =>
  db().sql.query<{ entity: string; detail: Record<string, number> }>(
    "SELECT entity, detail FROM audit_event WHERE agent = $1 AND interaction = 'search' AND entity LIKE '%Practitioner%' ORDER BY seq",
    [`Patient/${world.ids.camille}`],
  );

async function aProfessionalAndAFacility() {
  const doctor = await world.system.create(aPractitioner({ id: newId(), given: "Claire", family: `Nom-${newId().slice(0, 8)}` }));
  const clinic = await world.system.create(anOrganization({ id: newId(), name: `Clinique ${newId().slice(0, 8)}` }));
  return { doctor, refs: [`Practitioner/${doctor.id}`, `Organization/${clinic.id}`], clinic };
}

describe("the directory names the pages show, kept a minute by each process", () => {
  it("are read once, then found without a statement, each look leaving the same row in the patient's trail", async () => {
    const { doctor, clinic, refs } = await aProfessionalAndAFacility();
    const before = (await searches()).length;
    const first = await named(refs);
    expect(first.reads).toBe(1);
    expect(first.names.get(`Practitioner/${doctor.id}`)).toContain("Claire");
    expect(first.names.get(`Organization/${clinic.id}`)).toBe(clinic.name);
    const second = await named(refs);
    expect(second.reads).toBe(0);
    expect(second.names).toEqual(first.names);
    const rows = (await searches()).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[0]!.entity).toBe("Practitioner,Organization");
    expect(rows[0]!.detail).toMatchObject({ results: 2, "results.Practitioner": 1, "results.Organization": 1 });
  });

  it("reads only the entries it does not know", async () => {
    const known = await aProfessionalAndAFacility();
    await named(known.refs);
    const other = await aProfessionalAndAFacility();
    const spy = vi.spyOn(db().sql, "query");
    await directoryNames(await world.repoFor(world.actors.camille), [...known.refs, ...other.refs]);
    const ids = spy.mock.calls.filter(([text]) => String(text).includes("resource_type = ANY")).map(([, params]) => (params as unknown[])[1]);
    expect(ids).toEqual([[other.doctor.id, other.clinic.id]]);
  });

  it("name a professional anew as soon as this process's repository renames them", async () => {
    const { doctor, refs } = await aProfessionalAndAFacility();
    await named(refs);
    await world.system.update<Practitioner>({ ...doctor, name: [{ given: ["Claire"], family: "Renommée" }] });
    const after = await named(refs);
    expect(after.reads).toBe(1);
    expect(after.names.get(`Practitioner/${doctor.id}`)).toContain("Renommée");
  });

  it("are read again once a minute old: a change made through another process shows within that time", async () => {
    const { doctor, refs } = await aProfessionalAndAFacility();
    await named(refs);
    // Renamed behind this process's back (another process of the portal, a script).
    await db().sql.query("UPDATE fhir_resource SET content = jsonb_set(content, '{name}', '[{\"given\": [\"Claire\"], \"family\": \"Ailleurs\"}]') WHERE id = $1::uuid", [doctor.id]);
    expect((await named(refs)).names.get(`Practitioner/${doctor.id}`)).not.toContain("Ailleurs");
    const now = performance.now();
    vi.spyOn(performance, "now").mockReturnValue(now + DIRECTORY_NAME_TTL_MS + 1_000);
    const later = await named(refs);
    expect(later.reads).toBe(1);
    expect(later.names.get(`Practitioner/${doctor.id}`)).toContain("Ailleurs");
  });

  it("name nothing for an id the directory does not hold, and count it found nothing, the next time too", async () => {
    const before = (await searches()).length;
    const missing = `Practitioner/${newId()}`;
    expect((await named([missing])).names.size).toBe(0);
    const again = await named([missing]);
    expect(again.names.size).toBe(0);
    expect(again.reads).toBe(0);
    expect((await searches()).slice(before).map((row) => row.detail)).toEqual([
      { results: 0, offset: 0 },
      { results: 0, offset: 0 },
    ]);
  });

  it("leave no row for a professional, who searches the directory outside any patient's space", async () => {
    const { refs } = await aProfessionalAndAFacility();
    const rows = () => db().sql.query("SELECT 1 FROM audit_event WHERE agent = $1", [`Practitioner/${world.ids.bernard}`]);
    const before = (await rows()).length;
    expect((await named(refs, "bernard")).names.size).toBe(2);
    expect(await rows()).toHaveLength(before);
  });
});
