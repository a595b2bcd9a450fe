import type { AuditEvent } from "@medplum/fhirtypes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { t } from "@/lib/i18n/messages";
import { ACT_REASON, AGENT_KINDS, AUDIT_INTERACTION_SYSTEM, toFhirAuditEvent, type AuditRow } from "@/server/audit/to-fhir-audit-event";
import { toHistoryEntry, type HistoryEntry } from "@/server/history/history-entry";

/**
 * The history page reads each row of the trail straight from the table (history-entry.ts), and
 * the FHIR API answers the same row as an AuditEvent (to-fhir-audit-event.ts). A patient must
 * read the same thing in both: who, what, the outcome, the emergency's reason. The reference
 * below is how the page read the AuditEvent before (issue 16), kept here to hold the two together
 * (with the words the page now gives the service's own acts).
 */
const OUTCOMES: Record<string, HistoryEntry["outcome"]> = { "0": "success", "4": "denied", "8": "failure" };

function entryFromAuditEvent(event: AuditEvent, names: ReadonlyMap<string, string>, patientId: string, reported: ReadonlySet<string>): HistoryEntry {
  const [agent, ...others] = event.agent ?? [];
  const reference = agent?.who?.reference;
  const objects = (event.entity ?? []).filter((e) => e.role?.code !== "1");
  const named = objects.map((e) => (e.what?.reference ?? e.name)?.split("/")[0]).filter((type): type is string => !!type);
  const interaction = event.subtype?.find((c) => c.system === AUDIT_INTERACTION_SYSTEM)?.code ?? "other";
  const outcome = OUTCOMES[event.outcome ?? "8"] ?? "failure";
  const reason = objects.flatMap((e) => e.detail ?? []).find((d) => d.type === "reason")?.valueString;
  return {
    id: event.id ?? "",
    when: event.recorded ?? "",
    // The service's own acts are said as such on the page (« Espace santé (opération automatique) »), where the AuditEvent's agent type reads « Système ».
    who: agent?.name ?? (reference ? names.get(reference) : undefined) ?? (agent?.type?.text === AGENT_KINDS.system ? t("history.serviceAgent") : agent?.type?.text) ?? "",
    agentType: reference?.split("/")[0],
    onBehalf: others.length > 0,
    interaction,
    outcome,
    resourceTypes: [...new Set(named)],
    emergencyReason: interaction === "emergency-access" ? reason : undefined,
    breakTheGlass: (event.purposeOfEvent ?? []).some((purpose) => (purpose.coding ?? []).some((c) => c.system === ACT_REASON && c.code === "BTG")),
    group: reference === `Patient/${patientId}` ? "own" : outcome === "denied" ? "refused" : "others",
    reported: reported.has(event.id ?? ""),
  };
}

const PATIENT = "b0000000-0000-4000-8000-000000000001";
const PRACTITIONER = "c0000000-0000-4000-8000-000000000001";
const ORGANIZATION = "d0000000-0000-4000-8000-000000000001";
const ROW_ID = "4e9a800c-b609-4e31-afd4-12237232a029";

const reference = fc.oneof(
  fc.constant(`Patient/${PATIENT}`),
  fc.constant(`Practitioner/${PRACTITIONER}`),
  fc.constant(`Organization/${ORGANIZATION}`),
  fc.uuid().map((id) => `Patient/${id}`),
  fc.uuid().map((id) => `RelatedPerson/${id}`),
  fc.constant(`Practitioner/${PRACTITIONER}/_history/3`),
  fc.constant(`Practitioner/${PRACTITIONER}/_history/x`),
  fc.constantFrom("system", "link:4f2a", "Practitioner/not-a-uuid", "Unknown/" + PRACTITIONER, "", "/", "toString"),
  fc.string(),
);

const entity = fc.oneof(
  fc.constant(null),
  fc.uuid().map((id) => `DocumentReference/${id}`),
  fc.constantFrom("", "DocumentReference", "AuditEvent", "Immunization,Condition,Procedure", "MedicationRequest,MedicationDispense", "a,b", "/x", "Consent/1"),
  reference,
  fc.string(),
);

const detailValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string()));
const detail = fc.oneof(
  fc.constant(null),
  fc.constant("plain"),
  fc.array(fc.string()),
  fc.record({ reason: fc.string() }),
  fc.record({ purposeOfUse: fc.constantFrom("BTG", "TREAT"), reason: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ["purposeOfUse"] }),
  fc.record({ results: fc.nat(), offset: fc.nat(), "results.Immunization": fc.nat(), "results.Condition": fc.nat() }),
  fc.dictionary(fc.constantFrom("reason", "results", "offset", "purposeOfUse", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"), detailValue),
);

const row: fc.Arbitrary<AuditRow> = fc.record({
  id: fc.oneof(fc.constant(ROW_ID), fc.uuid()),
  recorded: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
  agent: reference,
  agentName: fc.option(fc.oneof(fc.constant(""), fc.string()), { nil: null }),
  actorKind: fc.oneof(fc.constantFrom("patient", "guardian", "delegate", "practitioner", "link", "system", "toString"), fc.string()),
  onBehalfOf: fc.option(fc.oneof(fc.constant(""), reference), { nil: null }),
  patientId: fc.option(fc.oneof(fc.constant(PATIENT), fc.uuid()), { nil: null }),
  entity,
  // The emergency's reason is read from the detail: drawn often, so every entity meets it.
  interaction: fc.oneof(
    { arbitrary: fc.constant("emergency-access"), weight: 2 },
    { arbitrary: fc.constantFrom("read", "search", "create", "update", "download", "share", "link-open", "dispense", "sign-in", ""), weight: 2 },
    { arbitrary: fc.string(), weight: 1 },
  ),
  outcome: fc.oneof(fc.constantFrom("success", "denied", "failure", "toString", ""), fc.string()),
  reason: fc.option(fc.string(), { nil: null }),
  detail,
});

const NAMES = new Map([
  [`Practitioner/${PRACTITIONER}`, "Dr Sophie Bernard"],
  [`Organization/${ORGANIZATION}`, "Laboratoire du Parc"],
]);

describe("a row of the history page", () => {
  it("says what the row's FHIR AuditEvent says, whatever the row holds", () => {
    fc.assert(
      fc.property(row, fc.boolean(), (auditRow, isReported) => {
        const reported = new Set(isReported ? [auditRow.id] : []);
        expect(toHistoryEntry(auditRow, NAMES, PATIENT, reported)).toEqual(entryFromAuditEvent(toFhirAuditEvent(auditRow), NAMES, PATIENT, reported));
      }),
      { numRuns: 3000 },
    );
  });

  it("names a professional from the directory when the row recorded no name, and reads an emergency's typed reason", () => {
    const entry = toHistoryEntry(
      {
        id: ROW_ID,
        recorded: new Date("2026-12-04T10:00:00Z"),
        agent: `Practitioner/${PRACTITIONER}`,
        agentName: null,
        actorKind: "practitioner",
        onBehalfOf: null,
        patientId: PATIENT,
        entity: `Patient/${PATIENT}`,
        interaction: "emergency-access",
        outcome: "success",
        reason: null,
        detail: { reason: "Patiente inconsciente aux urgences" },
      },
      NAMES,
      PATIENT,
      new Set([ROW_ID]),
    );
    expect(entry).toMatchObject({
      who: "Dr Sophie Bernard",
      agentType: "Practitioner",
      group: "others",
      resourceTypes: ["Patient"],
      emergencyReason: "Patiente inconsciente aux urgences",
      breakTheGlass: true,
      reported: true,
      when: "2026-12-04T10:00:00.000Z",
    });
  });

  it("groups the patient's own acts apart, and a refusal to someone else among the refused", () => {
    const base = { id: ROW_ID, recorded: new Date("2026-12-04T10:00:00Z"), agentName: "X", onBehalfOf: null, patientId: PATIENT, entity: null, reason: null, detail: null };
    expect(toHistoryEntry({ ...base, agent: `Patient/${PATIENT}`, actorKind: "patient", interaction: "read", outcome: "denied" }, NAMES, PATIENT, new Set()).group).toBe("own");
    expect(toHistoryEntry({ ...base, agent: `Practitioner/${PRACTITIONER}`, actorKind: "practitioner", interaction: "read", outcome: "denied" }, NAMES, PATIENT, new Set()).group).toBe("refused");
    expect(toHistoryEntry({ ...base, agent: `Practitioner/${PRACTITIONER}`, actorKind: "practitioner", interaction: "read", outcome: "success" }, NAMES, PATIENT, new Set()).group).toBe("others");
  });
});
