import { describe, expect, it } from "vitest";
import { applicableDelegation } from "@/server/access/applicable-delegation";
import { rulesFromResources } from "@/server/access/rules";
import { majorityStart } from "@/server/children/majority";
import { aDelegation } from "@/lib/fhir/builders/rules";

/**
 * Whether a caregiver's delegation outlives the patient's 18th birthday, by what its start says
 * (access/rules.ts). Born 2008-12-01, of age 2026-12-01 00:00 Paris (2026-11-30T23:00Z). A delegation
 * begun before it was given by the parental authority and ends with it; one with no start may have
 * been (older data) and ends too; one begun on or after it is the adult's own choice.
 */
const PATIENT = "00000000-0000-4000-8000-0000000000c2";
const CARER = "00000000-0000-4000-8000-0000000000b2";
const BIRTH = "2008-12-01";
const MAJORITY = majorityStart(BIRTH)!;

describe("a caregiver's delegation and the patient's majority", () => {
  it.each([
    // start, own last day, birth date, still acting the day after the birthday, its end instant
    ["no start", undefined, undefined, BIRTH, false, MAJORITY],
    ["no start, a last day after", undefined, "2028-06-30", BIRTH, false, MAJORITY],
    ["no start, a last day before", undefined, "2026-06-30", BIRTH, false, new Date("2026-06-30T22:00:00.000Z")],
    ["begun a year before", "2025-12-01T10:00:00.000Z", undefined, BIRTH, false, MAJORITY],
    ["begun the last minute of the minority", "2026-11-30T22:59:59.999Z", undefined, BIRTH, false, MAJORITY],
    ["begun the first instant of majority", "2026-11-30T23:00:00.000Z", undefined, BIRTH, true, undefined],
    ["begun years after", "2030-01-01T10:00:00.000Z", undefined, "1990-05-05", true, undefined],
    ["no start, no birth date known", undefined, undefined, undefined, true, undefined],
    ["no start, an adult born 1990", undefined, undefined, "1990-05-05", false, majorityStart("1990-05-05")],
  ])("%s", (_case, start, end, birthDate, acting, endInstant) => {
    const person = aDelegation({ patientId: PATIENT, agentPatientId: CARER, scopes: ["documents:read"], start, end });
    const [delegation] = rulesFromResources(PATIENT, [], [person], { birthDate }).delegations;
    expect(delegation!.end).toEqual(endInstant);
    const dayAfter = new Date(start && start > "2026-12-02" ? "2031-01-01T12:00:00Z" : "2026-12-02T12:00:00Z");
    expect(applicableDelegation([delegation!], CARER, dayAfter)?.kind).toBe(acting ? "delegate" : undefined);
  });
});
