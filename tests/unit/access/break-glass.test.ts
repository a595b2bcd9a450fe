import { describe, expect, it } from "vitest";
import type { PractitionerActor } from "@/server/access/actor";
import { BREAK_THE_GLASS, purposeOfUse, roleAllowsBreakGlass } from "@/server/access/break-glass";
import { rulesFromResources } from "@/server/access/rules";
import { ACT_REASON, toFhirAuditEvent, type AuditRow } from "@/server/audit/to-fhir-audit-event";
import { ORGANIZATIONS, PRACTITIONERS } from "@/lib/demo/personas";
import { practitionerFrom } from "@/lib/fhir/builders/people";
import { aBlock, anAuthorisation, anEmergencyChoice } from "@/lib/fhir/builders/rules";

/**
 * SECURITY-CASES 44: who may break the glass is the directory's data (PractitionerRole
 * specialty), decided purely; what is done under an emergency access carries the purpose of use
 * break-the-glass, and only then.
 */
const NOW = new Date("2026-06-01T12:00:00Z");
const roleOf = (persona: keyof typeof PRACTITIONERS) => practitionerFrom(PRACTITIONERS[persona], ORGANIZATIONS.hospital).role;

describe("who may break the glass", () => {
  it.each([
    ["moreau", "the emergency physician", true],
    ["bernard", "the GP", false],
    ["petit", "the cardiologist", false],
    ["garnier", "the paediatrician", false],
  ] as const)("%s (%s): %s", (persona, _who, allowed) => {
    expect(roleAllowsBreakGlass([roleOf(persona)], NOW)).toBe(allowed);
  });

  it("needs a role active today", () => {
    const role = roleOf("moreau");
    expect(roleAllowsBreakGlass([], NOW)).toBe(false);
    expect(roleAllowsBreakGlass([{ ...role, active: false }], NOW)).toBe(false);
    expect(roleAllowsBreakGlass([{ ...role, period: { end: "2026-06-01T12:00:00Z" } }], NOW)).toBe(false);
    expect(roleAllowsBreakGlass([{ ...role, period: { start: "2026-06-02T00:00:00Z" } }], NOW)).toBe(false);
    expect(roleAllowsBreakGlass([{ ...role, period: { start: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z" } }], NOW)).toBe(true);
    // One role of the professional's that allows it is enough.
    expect(roleAllowsBreakGlass([roleOf("bernard"), role], NOW)).toBe(true);
  });

  it("reads a role's plain days as Paris calendar days, the last one included", () => {
    const role = { ...roleOf("moreau"), period: { start: "2026-06-01", end: "2026-06-30" } };
    // 1 June 00:30 and 30 June 23:30 in Paris (UTC+2) are inside; 1 July 00:00:01 is not.
    expect(roleAllowsBreakGlass([role], new Date("2026-05-31T22:30:00Z"))).toBe(true);
    expect(roleAllowsBreakGlass([role], new Date("2026-05-31T21:30:00Z"))).toBe(false);
    expect(roleAllowsBreakGlass([role], new Date("2026-06-30T21:30:00Z"))).toBe(true);
    expect(roleAllowsBreakGlass([role], new Date("2026-06-30T22:00:01Z"))).toBe(false);
  });

  it("reads the specialty's code and system, not its label", () => {
    const role = roleOf("bernard");
    expect(roleAllowsBreakGlass([{ ...role, specialty: [{ text: "médecin urgentiste" }] }], NOW)).toBe(false);
    expect(roleAllowsBreakGlass([{ ...role, specialty: [{ coding: [{ system: "urn:other", code: "773568002" }] }] }], NOW)).toBe(false);
  });
});

describe("the purpose of use of what a professional does", () => {
  const PAT = "a0000000-0000-4000-8000-000000000001";
  const PRO = "b0000000-0000-4000-8000-000000000001";
  const inEmergency: PractitionerActor = { kind: "practitioner", accountId: "a", practitionerId: PRO, emergency: { patientId: PAT, until: new Date("2026-06-01T13:00:00Z"), reason: "" } };
  const rules = (...consents: Parameters<typeof rulesFromResources>[1]) => rulesFromResources(PAT, consents, []);

  it("is break-the-glass only when the emergency access is what lets them in", () => {
    expect(purposeOfUse(inEmergency, rules(), NOW)).toBe(BREAK_THE_GLASS);
    // Authorised anyway: an ordinary read, even with an emergency open.
    expect(purposeOfUse(inEmergency, rules(anAuthorisation({ patientId: PAT, practitionerId: PRO })), NOW)).toBeUndefined();
    // Not let in at all: nothing done under emergency access.
    expect(purposeOfUse(inEmergency, rules(aBlock({ patientId: PAT, practitionerId: PRO })), NOW)).toBeUndefined();
    expect(purposeOfUse(inEmergency, rules(anEmergencyChoice({ patientId: PAT, allowed: false })), NOW)).toBeUndefined();
    expect(purposeOfUse(inEmergency, rules(), new Date("2026-06-01T13:00:00Z"))).toBeUndefined();
    expect(purposeOfUse({ ...inEmergency, emergency: undefined }, rules(), NOW)).toBeUndefined();
    expect(purposeOfUse(inEmergency, rulesFromResources("a0000000-0000-4000-8000-000000000002", [], []), NOW)).toBeUndefined();
  });

  it("becomes AuditEvent.purposeOfEvent BTG, for the opening and for what is done under it", () => {
    const row: AuditRow = {
      id: "1",
      recorded: NOW,
      agent: `Practitioner/${PRO}`,
      agentName: "Dr Inès Moreau",
      actorKind: "practitioner",
      onBehalfOf: null,
      patientId: PAT,
      entity: null,
      interaction: "read",
      outcome: "success",
      reason: null,
      detail: { purposeOfUse: "BTG" },
    };
    const btg = [{ coding: [{ system: ACT_REASON, code: "BTG", display: "break the glass" }], text: "Accès en urgence" }];
    expect(toFhirAuditEvent(row).purposeOfEvent).toEqual(btg);
    expect(toFhirAuditEvent({ ...row, interaction: "emergency-access", detail: { reason: "x" } }).purposeOfEvent).toEqual(btg);
    expect(toFhirAuditEvent({ ...row, detail: null }).purposeOfEvent).toBeUndefined();
  });
});
