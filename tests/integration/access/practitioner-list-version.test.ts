import type { Consent, Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { LIST_STAMP_SQL } from "@/server/fhir/practitioner-patients";
import { systemRepository, type Repository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, anAuthorisation, anEmergencyChoice } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { planOf } from "../query-plan";

const db = useTestDatabase();

/**
 * A professional's list of patients is kept between views while its version stands
 * (practitioner-patients.ts); the database raises the version at every write the list depends on
 * (prisma/migrations/20261216010000_practitioner_list_version). A write it missed would leave a
 * professional reading a list that outlived a block; a write it counted for nothing only costs a
 * list worked out again. Both are checked here, write by write, through the repository.
 */
const versionOf = async (practitionerId: string) => {
  const [row] = await db().sql.query<{ stamp: string }>(LIST_STAMP_SQL, [`Practitioner/${practitionerId}`]);
  return Number(row?.stamp ?? 0);
};

type World = { system: Repository; doctor: string; other: string; anna: Patient; bruno: Patient; grant: Consent };

async function aWorld(): Promise<World> {
  const system = await systemRepository("list-version-tests");
  const doctor = (await system.create(aPractitioner({ given: "Liste", family: "Version" }))).id!;
  const other = (await system.create(aPractitioner({ given: "Autre", family: "Version" }))).id!;
  const anna = await system.create(aPatient({ given: "Anna", family: "Version" }));
  const bruno = await system.create(aPatient({ given: "Bruno", family: "Version" }));
  const grant = await system.create(anAuthorisation({ patientId: anna.id!, practitionerId: doctor }));
  return { system, doctor, other, anna, bruno, grant };
}

const rename = (patient: Patient, family: string): Patient => ({ ...patient, name: [{ use: "official", given: ["X"], family }] });

const RAISED: [string, (w: World) => Promise<unknown>][] = [
  ["a new authorisation", (w) => w.system.create(anAuthorisation({ patientId: w.bruno.id!, practitionerId: w.doctor }))],
  ["a block", (w) => w.system.create(aBlock({ patientId: w.anna.id!, practitionerId: w.doctor }))],
  ["a block of a patient who never authorised them", (w) => w.system.create(aBlock({ patientId: w.bruno.id!, practitionerId: w.doctor }))],
  ["an authorisation withdrawn", (w) => w.system.update({ ...w.grant, status: "inactive" })],
  ["an authorisation given an end", (w) => w.system.update(anAuthorisation({ id: w.grant.id, patientId: w.anna.id!, practitionerId: w.doctor, until: "2027-01-31" }))],
  ["an authorisation deleted", (w) => w.system.delete("Consent", w.grant.id!)],
  ["a new name for a patient who authorises them", (w) => w.system.update(rename(w.anna, "Renommée"))],
  ["a patient who authorises them deleted", (w) => w.system.delete("Patient", w.anna.id!)],
];

const LEFT: [string, (w: World) => Promise<unknown>][] = [
  ["another professional's authorisation", (w) => w.system.create(anAuthorisation({ patientId: w.anna.id!, practitionerId: w.other }))],
  ["a new name for a patient who does not authorise them", (w) => w.system.update(rename(w.bruno, "Autre"))],
  ["a document of a patient who authorises them", (w) => w.system.create(aDocument({ patientId: w.anna.id!, title: "Bilan sanguin", kind: "lab" }))],
  ["another rule of that patient (emergency access)", (w) => w.system.create(anEmergencyChoice({ patientId: w.anna.id!, allowed: false }))],
];

describe("the version of a professional's list of patients", () => {
  it.each(RAISED)("is raised by %s, in the same transaction", async (_, write) => {
    const world = await aWorld();
    const before = await versionOf(world.doctor);
    const otherBefore = await versionOf(world.other);
    await write(world);
    expect(await versionOf(world.doctor)).toBeGreaterThan(before);
    expect(await versionOf(world.other)).toBe(otherBefore);
  });

  it.each(LEFT)("is left as it was by %s", async (_, write) => {
    const world = await aWorld();
    const before = await versionOf(world.doctor);
    await write(world);
    expect(await versionOf(world.doctor)).toBe(before);
  });

  it("is 0 for a professional nobody ever named", async () => {
    const system = await systemRepository("list-version-tests");
    const nobody = (await system.create(aPractitioner({ given: "Personne", family: "Version" }))).id!;
    expect(await versionOf(nobody)).toBe(0);
  });

  it("cannot be written by the app's role: only the database's trigger raises it", async () => {
    const { doctor } = await aWorld();
    const ref = `Practitioner/${doctor}`;
    await expect(db().sql.query("UPDATE practitioner_list_version SET version = 0 WHERE actor_ref = $1", [ref])).rejects.toThrow(/permission denied/i);
    await expect(db().sql.query("INSERT INTO practitioner_list_version (actor_ref, version) VALUES ($1, 0)", [`${ref}-x`])).rejects.toThrow(/permission denied/i);
    await expect(db().sql.query("DELETE FROM practitioner_list_version WHERE actor_ref = $1", [ref])).rejects.toThrow(/permission denied/i);
  });

  it("is read by its key, one row, whatever the length of the list", async () => {
    const { doctor } = await aWorld();
    // Sequential scans off: on a table of a few rows, analysed (autovacuum on), PostgreSQL rightly
    // reads it whole (a run on a server with autovacuum on failed so); what matters is that the
    // key reaches the row through the index when the table is long.
    const plan = await planOf(db(), LIST_STAMP_SQL, [`Practitioner/${doctor}`], { plan_cache_mode: "force_generic_plan", enable_seqscan: "off" });
    expect(plan.filter((node) => node["Index Name"]).map((node) => node["Index Name"])).toEqual(["practitioner_list_version_pkey"]);
  });
});
