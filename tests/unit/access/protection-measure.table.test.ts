import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { applicableDelegation } from "@/server/access/applicable-delegation";
import { decide } from "@/server/access/decide";
import { rulesFromResources } from "@/server/access/rules";
import { majorityStart } from "@/server/children/majority";
import { aDelegation, aGuardianship, aProtectionMeasure } from "@/lib/fhir/builders/rules";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";

/**
 * A guardian's tie read by rulesFromResources() and decide(): a judge's protection measure of an
 * adult (ends at its last day, Paris time, that day included, or when the assistance ends it; no
 * minor's secret) beside a parent's guardianship of a minor (ends at the 18th birthday, keeps the
 * minor's secret), which is unchanged. Last day 2031-03-11: CET, so it ends 2031-03-11T23:00Z.
 */
const PATIENT = "00000000-0000-4000-8000-0000000000d1";
const AGENT = "00000000-0000-4000-8000-0000000000d2";
const RP = "00000000-0000-4000-8000-0000000000d3";
const DECISION = "Jugement du juge des contentieux de la protection de Lyon, 12/03/2026, RG 26/01234";
const ADULT = "1980-04-02";
const CHILD = "2015-04-02";
const GRANTED = "2026-03-12T09:00:00.000Z";
const LAST_MINUTE = new Date("2031-03-11T22:59:59.999Z");
const DAY_AFTER = new Date("2031-03-11T23:00:00.000Z");
const DURING = new Date("2027-01-15T12:00:00.000Z");

const measure = (extra: { active?: boolean; start?: string; end?: string; decision?: string } = {}) =>
  aProtectionMeasure({ id: RP, patientId: PATIENT, agentPatientId: AGENT, scopes: [], start: extra.start ?? GRANTED, end: extra.end ?? "2031-03-11", active: extra.active, decision: extra.decision ?? DECISION });
const parent = () => aGuardianship({ id: RP, patientId: PATIENT, agentPatientId: AGENT, scopes: [] });
const guardian: Actor = { kind: "guardian", accountId: "acc", selfPatientId: AGENT, patientId: PATIENT, relatedPersonId: RP };
const secretDocument = { resourceType: "DocumentReference", id: "doc", patientId: PATIENT, confidentiality: "N" as const, labels: [MINOR_SECRET], author: `Patient/${PATIENT}` };
const plainDocument = { ...secretDocument, labels: [] };

describe("a guardian's tie: an adult's protection measure, a minor's parent", () => {
  it.each([
    // case, stored tie, birth date, instant, acting, reads the minor's secret, read as a parent's (ends by the majority at the latest)
    ["measure active", measure(), ADULT, DURING, true, true, false],
    ["measure, its last day's last millisecond (Paris)", measure(), ADULT, LAST_MINUTE, true, true, false],
    ["measure, the day after its last day", measure(), ADULT, DAY_AFTER, false, false, false],
    ["measure ended early by the assistance", measure({ active: false }), ADULT, DURING, false, false, false],
    ["measure of an adult with no birth date on record", measure(), undefined, DURING, true, true, false],
    ["measure before it begins", measure({ start: "2026-04-01T00:00:00.000Z" }), ADULT, new Date("2026-03-20T12:00:00Z"), false, false, false],
    // The mark read the stricter way (rules.ts measureOf): a parent's guardianship.
    ["mark without an end date", measure({ end: "" }), ADULT, DURING, false, false, true],
    ["mark without a decision", measure({ decision: " " }), ADULT, DURING, false, false, true],
    ["mark on a minor's guardianship", measure(), CHILD, DURING, true, false, true],
    // A parent's guardianship, unchanged.
    ["parent of a minor", parent(), CHILD, DURING, true, false, true],
    ["parent of a child now of age", parent(), CHILD, new Date("2033-04-02T12:00:00Z"), false, false, true],
    ["parent's guardianship of an adult: ended at a majority already past", parent(), ADULT, DURING, false, false, true],
  ])("%s", (_case, person, birthDate, now, acting, readsSecret, asParent) => {
    const rules = rulesFromResources(PATIENT, [], [person], { birthDate });
    const [delegation] = rules.delegations;
    expect(delegation!.kind).toBe("guardian");
    expect(applicableDelegation(rules.delegations, AGENT, now)?.relatedPersonId).toBe(acting ? RP : undefined);
    expect(decide(guardian, "read", plainDocument, rules, now).allow).toBe(acting);
    expect(decide(guardian, "read", secretDocument, rules, now).allow).toBe(readsSecret);
    if (asParent && birthDate) expect(delegation!.end!.getTime()).toBeLessThanOrEqual(majorityStart(birthDate)!.getTime());
    expect(delegation!.measure !== undefined).toBe(!asParent);
    if (!asParent) expect(delegation!.minorSecretKeptUntil).toBeUndefined();
    if (asParent && birthDate === CHILD) expect(delegation!.minorSecretKeptUntil).toEqual(majorityStart(CHILD));
  });

  it("keeps the decision's reference and ends at 00:00 Paris the day after its last day", () => {
    const [delegation] = rulesFromResources(PATIENT, [], [measure()], { birthDate: ADULT }).delegations;
    expect(delegation!.measure).toEqual({ decision: DECISION });
    expect(delegation!.end).toEqual(DAY_AFTER);
  });
});

/**
 * A caregiver's delegation in the adult's space beside the measure: chosen by the representative
 * under it (SYSTEMS.chosenUnderMeasure), it ends with the measure, at its last day or at the
 * mainlevée, whichever its own end; one she chose herself keeps its own end (measure-choices.ts).
 */
const CAREGIVER = "00000000-0000-4000-8000-0000000000d4";
const CAREGIVER_RP = "00000000-0000-4000-8000-0000000000d5";
const OWN_END = "2033-06-30";
const caregiver = (extra: { chosenUnder?: string; end?: string; active?: boolean } = {}) => {
  const person = aDelegation({ id: CAREGIVER_RP, patientId: PATIENT, agentPatientId: CAREGIVER, scopes: ["documents:read"], start: "2026-06-01T09:00:00.000Z", end: extra.end ?? OWN_END, active: extra.active });
  const mark = extra.chosenUnder ? [{ url: SYSTEMS.chosenUnderMeasure, valueReference: { reference: `RelatedPerson/${extra.chosenUnder}` } }] : [];
  return { ...person, extension: [...(person.extension ?? []), ...mark] };
};
const asCaregiver: Actor = { kind: "delegate", accountId: "acc2", selfPatientId: CAREGIVER, patientId: PATIENT, relatedPersonId: CAREGIVER_RP };
const notAMeasure = () => aDelegation({ id: RP, patientId: PATIENT, agentPatientId: AGENT, scopes: ["documents:read"], start: GRANTED, end: "2040-01-01" });

describe("a caregiver in the adult's space: chosen by her representative under the measure, or by her", () => {
  it.each([
    // case, ties, instant, acting, ends with the measure
    ["chosen under the measure, while it runs", [measure(), caregiver({ chosenUnder: RP })], DURING, true, true],
    ["chosen under the measure, its last day's last millisecond", [measure(), caregiver({ chosenUnder: RP })], LAST_MINUTE, true, true],
    ["chosen under the measure, the day after the measure's last day (its own end later)", [measure(), caregiver({ chosenUnder: RP })], DAY_AFTER, false, true],
    ["chosen under the measure, which the assistance ended early", [measure({ active: false }), caregiver({ chosenUnder: RP })], DURING, false, true],
    ["chosen under the measure, renewed to a later last day", [measure({ end: "2036-03-11" }), caregiver({ chosenUnder: RP })], DAY_AFTER, true, false],
    ["chosen under the measure, its own end first", [measure(), caregiver({ chosenUnder: RP, end: "2028-01-31" })], new Date("2028-02-15T12:00:00Z"), false, false],
    ["chosen under the measure, withdrawn by her", [measure(), caregiver({ chosenUnder: RP, active: false })], DURING, false, false],
    ["chosen by the adult herself: her end, past the measure's", [measure(), caregiver()], DAY_AFTER, true, false],
    ["chosen by the adult herself, the measure ended early", [measure({ active: false }), caregiver()], DURING, true, false],
    // The mark read the stricter way: naming a tie that is no measure, it ends the delegation.
    ["a mark naming a caregiver's tie, not a measure", [notAMeasure(), caregiver({ chosenUnder: RP })], DURING, false, true],
  ])("%s", (_case, persons, now, acting, endsWithMeasure) => {
    const rules = rulesFromResources(PATIENT, [], persons, { birthDate: ADULT });
    const delegation = rules.delegations.find((tie) => tie.relatedPersonId === CAREGIVER_RP)!;
    expect(applicableDelegation(rules.delegations, CAREGIVER, now)?.relatedPersonId).toBe(acting ? CAREGIVER_RP : undefined);
    expect(decide(asCaregiver, "read", plainDocument, rules, now).allow).toBe(acting);
    expect(delegation.endsWithMeasure === true).toBe(endsWithMeasure);
  });

  it("read alone (the relatives list's row), the mark finds no measure to cap it and keeps its own terms", () => {
    const [delegation] = rulesFromResources(PATIENT, [], [caregiver({ chosenUnder: RP })], { birthDate: ADULT }).delegations;
    expect(delegation!.chosenUnderMeasure).toBe(RP);
    expect(delegation!.end).toEqual(new Date("2033-06-30T22:00:00.000Z"));
  });
});
