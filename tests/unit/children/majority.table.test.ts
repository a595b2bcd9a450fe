import { describe, expect, it } from "vitest";
import { decide } from "@/server/access/decide";
import { rulesFromResources } from "@/server/access/rules";
import { applicableDelegation } from "@/server/access/applicable-delegation";
import { resolveActor } from "@/server/auth/resolve-actor";
import { inHandoverWindow, isOfAge, majorityDay, majorityStart } from "@/server/children/majority";
import { aGuardianship, aDelegation } from "@/lib/fhir/builders/rules";
import type { CurrentSession } from "@/server/auth/check-session";

/**
 * The majority rule around the birthday, in Paris days: the guardian acts until 23:59:59.999
 * Paris time the day before the 18th birthday, and not one millisecond on the day itself,
 * whichever door asks (decide(), the applicable delegation, the session's actor).
 */
const CHILD = "00000000-0000-4000-8000-0000000000c1";
const PARENT = "00000000-0000-4000-8000-0000000000a1";
const CARER = "00000000-0000-4000-8000-0000000000b1";

describe("majorityDay: the Paris day a person turns 18", () => {
  it.each([
    ["2016-09-10", "2034-09-10"],
    ["2008-12-31", "2026-12-31"],
    ["2008-02-29", "2026-03-01"], // years « accomplis » at the end of 28 February in a common year
    ["2012-02-29", "2030-03-01"],
    ["2014-02-29", undefined], // not a day
    ["2008-05", "2026-05-01"], // partial: the earliest possible birthday
    ["2008", "2026-01-01"],
    ["10/09/2016", undefined],
    ["", undefined],
  ])("born %s → of age on %s", (birth, expected) => {
    expect(majorityDay(birth)).toBe(expected);
  });
});

describe("isOfAge and the guardian's access, around the birthday (born 2008-12-01, of age 2026-12-01)", () => {
  const birthDate = "2008-12-01";
  const rules = rulesFromResources(CHILD, [], [aGuardianship({ patientId: CHILD, agentPatientId: PARENT, scopes: [] }), aDelegation({ patientId: CHILD, agentPatientId: CARER, scopes: ["documents:read"] })], { birthDate });
  const guardianship = rules.delegations.find((d) => d.kind === "guardian")!;
  const guardian = { kind: "guardian" as const, accountId: "acc", selfPatientId: PARENT, patientId: CHILD, relatedPersonId: guardianship.relatedPersonId };
  const document = { resourceType: "DocumentReference", id: "d1", patientId: CHILD, confidentiality: "N" as const, labels: [] };
  const session = { account: { id: "acc", kind: "patient", fhirRef: `Patient/${PARENT}` }, activeSpace: `Patient/${CHILD}` } as unknown as CurrentSession;

  it.each([
    ["a month before", "2026-11-01T12:00:00Z", false],
    ["the day before, 23:59:59.999 Paris (22:59:59.999 UTC, winter)", "2026-11-30T22:59:59.999Z", false],
    ["the birthday, 00:00 Paris (23:00 UTC the day before)", "2026-11-30T23:00:00.000Z", true],
    ["the birthday at noon", "2026-12-01T11:00:00Z", true],
    ["a year later", "2027-12-01T11:00:00Z", true],
  ])("%s: of age %s", (_case, instant, ofAge) => {
    const now = new Date(instant);
    expect(isOfAge(birthDate, now)).toBe(ofAge);
    expect(decide(guardian, "read", document, rules, now).allow).toBe(!ofAge);
    expect(decide(guardian, "create", document, rules, now).allow).toBe(!ofAge);
    expect(applicableDelegation(rules.delegations, PARENT, now)?.kind).toBe(ofAge ? undefined : "guardian");
    expect(resolveActor(session, rules.delegations, now)?.kind).toBe(ofAge ? undefined : "guardian");
  });

  it("ends only the guardianship: a caregiver the young adult chose herself is not a guardian and keeps going", () => {
    const after = new Date("2026-12-02T12:00:00Z");
    const chosen = aDelegation({ patientId: CHILD, agentPatientId: CARER, scopes: ["documents:read"], start: "2026-12-01T08:00:00.000Z" });
    const adultRules = rulesFromResources(CHILD, [], [aGuardianship({ patientId: CHILD, agentPatientId: PARENT, scopes: [] }), chosen], { birthDate });
    expect(applicableDelegation(adultRules.delegations, CARER, after)?.kind).toBe("delegate");
    expect(applicableDelegation(adultRules.delegations, PARENT, after)).toBeUndefined();
  });

  it("an end date earlier than majority still applies; a later one is cut at majority", () => {
    const early = rulesFromResources(CHILD, [], [aGuardianship({ patientId: CHILD, agentPatientId: PARENT, scopes: [], end: "2026-06-30" })], { birthDate });
    expect(early.delegations[0]!.end).toEqual(new Date("2026-06-30T22:00:00.000Z"));
    const late = rulesFromResources(CHILD, [], [aGuardianship({ patientId: CHILD, agentPatientId: PARENT, scopes: [], end: "2030-01-01" })], { birthDate });
    expect(late.delegations[0]!.end).toEqual(majorityStart(birthDate));
  });

  it("in summer the birthday starts at 22:00 UTC the day before", () => {
    expect(majorityStart("2008-07-14")).toEqual(new Date("2026-07-13T22:00:00.000Z"));
  });
});

describe("the handover window: the 30 Paris days before the birthday", () => {
  it.each([
    ["2026-10-31T12:00:00Z", false], // 31 days before
    ["2026-11-01T12:00:00Z", true], // 30 days before
    ["2026-11-30T22:59:59Z", true], // the last evening
    ["2026-11-30T23:00:00Z", false], // the birthday, Paris
  ])("at %s: %s", (instant, inside) => {
    expect(inHandoverWindow("2008-12-01", new Date(instant))).toBe(inside);
  });
});
