import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toFhirAuditEvent, type AuditRow } from "@/server/audit/to-fhir-audit-event";
import { typesOfEntity, typesSearched } from "@/server/audit/types-searched";

const PATIENT = "b0000000-0000-4000-8000-000000000001";
const row = (entity: string, detail: unknown): AuditRow => ({
  id: "4e9a800c-b609-4e31-afd4-12237232a029",
  recorded: new Date("2026-12-04T10:00:00Z"),
  agent: "Practitioner/c0000000-0000-4000-8000-000000000001",
  agentName: "Dr Sophie Bernard",
  actorKind: "practitioner",
  onBehalfOf: null,
  patientId: PATIENT,
  entity,
  interaction: "search",
  outcome: "success",
  reason: null,
  detail,
});

describe("a search of several types, as one audit row", () => {
  it("names the types as FHIR's _type does, with what it found of each and in all", () => {
    const found = new Map([
      ["Immunization", 2],
      ["Condition", 0],
      ["Procedure", 5],
    ]);
    expect(typesSearched(found, 0)).toEqual({
      entity: "Immunization,Condition,Procedure",
      detail: { results: 7, offset: 0, "results.Immunization": 2, "results.Condition": 0, "results.Procedure": 5 },
    });
  });

  it("leaves a search of one type's row as it always was", () => {
    expect(typesSearched(new Map([["Practitioner", 3]]), 0)).toEqual({ entity: "Practitioner", detail: { results: 3, offset: 0 } });
  });

  it.each([
    ["Immunization,Condition,Procedure", ["Immunization", "Condition", "Procedure"]],
    ["MedicationRequest,MedicationDispense", ["MedicationRequest", "MedicationDispense"]],
    ["DocumentReference", undefined],
    ["DocumentReference/b0000000-0000-4000-8000-000000000001", undefined],
    // Not a list of types: an entity some other row holds, or text, is never split.
    ["ShareLink/a,b", undefined],
    ["Immunization,", undefined],
    [",Condition", undefined],
    ["immunization,condition", undefined],
    ["Immunization, Condition", undefined],
    ["", undefined],
    [null, undefined],
  ] as const)("reads %j as %j", (entity, types) => {
    expect(typesOfEntity(entity)).toEqual(types);
  });

  it("reads back the types it wrote, for any types in any order", () => {
    const type = fc.stringMatching(/^[A-Z][A-Za-z]{1,30}$/);
    fc.assert(
      fc.property(fc.uniqueArray(type, { minLength: 2, maxLength: 6 }), fc.nat(1000), (types, offset) => {
        const found = new Map(types.map((t, i) => [t, i]));
        const { entity, detail } = typesSearched(found, offset);
        expect(typesOfEntity(entity)).toEqual(types);
        expect(detail.results).toBe(types.reduce((sum, _t, i) => sum + i, 0));
      }),
    );
  });
});

describe("the row as a FHIR AuditEvent", () => {
  it("is a search across types, with an entity per type and what was found of it", () => {
    const event = toFhirAuditEvent(row("Immunization,Condition,Procedure", { results: 3, offset: 0, "results.Immunization": 1, "results.Condition": 2, "results.Procedure": 0 }));
    expect(event.subtype?.[0]).toEqual({ system: "http://hl7.org/fhir/restful-interaction", code: "search-system" });
    expect(event.entity?.[0]?.what).toEqual({ reference: `Patient/${PATIENT}` });
    expect(event.entity?.slice(1).map((e) => [e.name, e.detail])).toEqual([
      ["Immunization", [{ type: "results", valueString: "1" }, { type: "offset", valueString: "0" }]],
      ["Condition", [{ type: "results", valueString: "2" }, { type: "offset", valueString: "0" }]],
      ["Procedure", [{ type: "results", valueString: "0" }, { type: "offset", valueString: "0" }]],
    ]);
  });

  it("keeps a one-type search as it was: search-type, one entity with its details", () => {
    const event = toFhirAuditEvent(row("DocumentReference", { results: 20, offset: 0 }));
    expect(event.subtype?.[0]).toEqual({ system: "http://hl7.org/fhir/restful-interaction", code: "search-type" });
    expect(event.entity?.slice(1)).toEqual([
      {
        name: "DocumentReference",
        type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object" },
        detail: [
          { type: "results", valueString: "20" },
          { type: "offset", valueString: "0" },
        ],
      },
    ]);
  });
});
