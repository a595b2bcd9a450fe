import type { Patient, RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { addDaysToDay, addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { majorityDay } from "@/server/children/majority";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, sameOrigin, signIn } from "../fhir-api/http";
import { aChildWithCaregiver, birthDayFor, useParentAndAunt } from "./world";

/**
 * A caregiver invited into a child's space by a guardian leaves it at the child's 18th birthday
 * (rules.ts). Found by the attack round, through the API: a guardian who took the start date off
 * that delegation, or moved it past the birthday, kept the caregiver in the young adult's space
 * until the end date she chose (up to three years), since the rules end at majority only a
 * delegation begun before it and the widening check read both versions without the birth date.
 */
useTestDatabase();
const system = () => systemRepository("caregiver-past-majority-tests");
const family = useParentAndAunt();

describe("a guardian cannot make her child's caregiver outlive his majority", () => {
  const inTwoYears = () => addMonthsToDay(parisDayOf(new Date()), 24);

  it("taking the start off the delegation, or moving it past the birthday, is refused like any widening; the caregiver's access still ends at 18", async () => {
    const birthDate = birthDayFor(18, 10);
    const { child, tie } = await aChildWithCaregiver(family().camille, family().aunt, birthDate, inTwoYears());
    const guardian = await signIn(`Patient/${family().camille}`, { space: child, name: "Camille Martin" });
    const caregiver = await signIn(`Patient/${family().aunt}`, { space: child, name: "Rose Tante" });
    const afterBirthday = `${addDaysToDay(majorityDay(birthDate)!, 1)}T12:00:00.000Z`;
    const changes: RelatedPerson[] = [
      { ...tie, period: { end: tie.period!.end } },
      { ...tie, period: { start: afterBirthday, end: tie.period!.end } },
    ];
    for (const body of changes) {
      const stored = await (await system()).read<RelatedPerson>("RelatedPerson", tie.id!);
      const answer = await fhir("PUT", `RelatedPerson/${tie.id}`, { cookie: guardian.cookie, body: { ...body, meta: stored.meta }, headers: sameOrigin({ "if-match": `W/"${stored.meta?.versionId}"` }) });
      expect(answer.status).toBe(422);
      expect((await (await system()).read<RelatedPerson>("RelatedPerson", tie.id!)).period).toEqual(tie.period);
    }

    // Narrowing stays open to her: fewer rights, at once.
    const stored = await (await system()).read<RelatedPerson>("RelatedPerson", tie.id!);
    const narrowed = { ...stored, extension: stored.extension!.filter((ext) => ext.valueCode !== "record:read") };
    expect((await fhir("PUT", `RelatedPerson/${tie.id}`, { cookie: guardian.cookie, body: narrowed, headers: sameOrigin({ "if-match": `W/"${stored.meta?.versionId}"` }) })).status).toBe(200);

    // The child comes of age (the record system sets the birth date to 18 years ago today): the caregiver is out.
    const repo = await system();
    const patient = await repo.read<Patient>("Patient", child);
    await repo.update({ ...patient, birthDate: birthDayFor(18, 0) });
    expect((await fhir("GET", `Patient/${child}`, { cookie: caregiver.cookie })).status).toBe(404);
  });
});
