import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Patient, RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { tamper, asOwner } from "../audit/owner-sql";
import { fhir, signIn } from "../fhir-api/http";
import { birthDayFor, useParentAndAunt } from "./world";

/**
 * Older delegations carry no period.start. The rules ended at the 18th birthday only a
 * delegation whose start came before it, so a caregiver a parent chose in her child's space
 * without a start went on reading the young adult's record after the birthday (found by the rules
 * review). A missing start now reads as begun during the minority, and the migration
 * 20261224010000_delegation_start_from_first_version gives each older delegation the time of its
 * first version, so that an adult's own older delegations keep going.
 */
const db = useTestDatabase({ fresh: true });
const system = () => systemRepository("caregiver-without-start-tests");
const family = useParentAndAunt();
const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261224010000_delegation_start_from_first_version/migration.sql");

/** A delegation written as older data has it: no start, its first version `daysAgo` days old. */
async function legacyDelegation(patientId: string, agentPatientId: string, daysAgo: number): Promise<string> {
  const tie = await (await system()).create(aDelegation({ patientId, agentPatientId, scopes: ["documents:read", "record:read"], end: "2035-12-31" }));
  await tamper(db(), [
    { sql: "UPDATE fhir_resource SET content = content #- '{period,start}' WHERE id = $1::uuid", params: [tie.id] },
    { sql: "UPDATE fhir_resource_history SET content = content #- '{period,start}', last_updated = now() - make_interval(days => $2::int) WHERE id = $1::uuid", params: [tie.id, daysAgo] },
  ]);
  expect((await (await system()).read<RelatedPerson>("RelatedPerson", tie.id!)).period?.start).toBeUndefined();
  return tie.id!;
}

async function aChild(guardian: string, birthDate: string): Promise<string> {
  const repo = await system();
  const child = (await repo.create(aPatient({ given: "Noé", family: "Martin", gender: "male", birthDate }))).id!;
  await repo.create(aGuardianship({ patientId: child, agentPatientId: guardian, scopes: [] }));
  return child;
}

async function comesOfAge(child: string) {
  const repo = await system();
  const patient = await repo.read<Patient>("Patient", child);
  await repo.update({ ...patient, birthDate: birthDayFor(18, 0) });
}

describe("a caregiver's delegation with no start, at the child's 18th birthday", () => {
  it("ends: the caregiver a parent chose reads the child's record until the birthday, and nothing of it after", async () => {
    const child = await aChild(family().camille, birthDayFor(18, 10));
    await legacyDelegation(child, family().aunt, 30);
    const caregiver = await signIn(`Patient/${family().aunt}`, { space: child, name: "Rose Tante" });
    expect((await fhir("GET", `Patient/${child}`, { cookie: caregiver.cookie })).status).toBe(200);

    await comesOfAge(child);
    expect((await fhir("GET", `Patient/${child}`, { cookie: caregiver.cookie })).status).toBe(404);
    const search = await fhir("GET", `Observation?patient=${child}`, { cookie: caregiver.cookie });
    expect(search.status === 200 ? (search.json() as { entry?: unknown[] }).entry ?? [] : []).toEqual([]);
  });

  it("the migration dates each older delegation by its first version: a child's still ends at 18, an adult's own keeps going", async () => {
    const child = await aChild(family().camille, birthDayFor(18, 10));
    const childTie = await legacyDelegation(child, family().aunt, 30);
    const repo = await system();
    const adult = (await repo.create(aPatient({ given: "Inès", family: "Moreau", birthDate: "1990-05-05" }))).id!;
    const adultTie = await legacyDelegation(adult, family().aunt, 400);

    const migration = await readFile(MIGRATION, "utf8");
    await asOwner(db(), (owner) => owner.transaction((tx) => tx.exec(migration)));
    const [firstChild, firstAdult] = await Promise.all([childTie, adultTie].map((id) => firstVersionTime(id)));
    expect((await repo.read<RelatedPerson>("RelatedPerson", childTie)).period?.start).toBe(firstChild);
    expect((await repo.read<RelatedPerson>("RelatedPerson", adultTie)).period?.start).toBe(firstAdult);

    const forAdult = await signIn(`Patient/${family().aunt}`, { space: adult, name: "Rose Tante" });
    expect((await fhir("GET", `Patient/${adult}`, { cookie: forAdult.cookie })).status).toBe(200);
    const forChild = await signIn(`Patient/${family().aunt}`, { space: child, name: "Rose Tante" });
    expect((await fhir("GET", `Patient/${child}`, { cookie: forChild.cookie })).status).toBe(200);
    await comesOfAge(child);
    expect((await fhir("GET", `Patient/${child}`, { cookie: forChild.cookie })).status).toBe(404);
  });

  it("a delegation written now with no start begins now, so an adult's new one is in force", async () => {
    const repo = await system();
    const adult = (await repo.create(aPatient({ given: "Lou", family: "Petit", birthDate: "1992-02-02" }))).id!;
    const before = new Date().toISOString();
    const tie = await repo.create(aDelegation({ patientId: adult, agentPatientId: family().aunt, scopes: ["record:read"] }));
    expect((tie.period?.start ?? "") >= before).toBe(true);
    const caregiver = await signIn(`Patient/${family().aunt}`, { space: adult, name: "Rose Tante" });
    expect((await fhir("GET", `Patient/${adult}`, { cookie: caregiver.cookie })).status).toBe(200);
  });
});

async function firstVersionTime(id: string): Promise<string> {
  const [row] = await db().sql.query<{ at: string }>(
    `SELECT to_char(min(last_updated) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM fhir_resource_history WHERE id = $1::uuid AND version_id = 1`,
    [id],
  );
  return row!.at;
}
