import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { extractFacts, FactsError } from "@/server/prevention/extract-facts";
import { readBundle } from "@/server/prevention/read-bundle";

const patient = { resourceType: "Patient", id: "p1", birthDate: "1950-06-02", gender: "male" } as const;
const shot = (system: string, code: string, date: string, status = "completed"): Resource =>
  ({ resourceType: "Immunization", status, vaccineCode: { coding: [{ system, code }] }, patient: { reference: "Patient/p1" }, occurrenceDateTime: date }) as Resource;
const ATC = "http://www.whocc.no/atc";
const CVX = "http://hl7.org/fhir/sid/cvx";

describe("facts from FHIR resources (issue 14's codes)", () => {
  it.each([
    [ATC, "J07CA09", "hexa"], [ATC, "J07CA02", "dtcap"], [ATC, "J07CA01", "dtp"], [ATC, "J07AL02", "pcv"], [ATC, "J07AH09", "menb"],
    [ATC, "J07AH08", "menacwy"], [ATC, "J07AH07", "menc"], [ATC, "J07BD52", "ror"], [ATC, "J07BM03", "hpv"], [ATC, "J07BB02", "flu"],
    [ATC, "J07BN01", "covid"], [ATC, "J07BK03", "zoster"], [ATC, "J07BX05", "rsv"],
    // The other COVID-19 vaccines (viral vector, inactivated, protein subunit as Nuvaxovid) and MMRV (Priorix-Tetra, ProQuad).
    [ATC, "J07BN02", "covid"], [ATC, "J07BN03", "covid"], [ATC, "J07BN04", "covid"], [ATC, "J07BD54", "ror"],
    // The CVX codes of the demo data (src/lib/fhir/builders/record.ts).
    [CVX, "138", "dtp"], [CVX, "130", "dtcap"], [CVX, "146", "hexa"], [CVX, "133", "pcv"], [CVX, "216", "pcv"], [CVX, "103", "menc"],
    [CVX, "03", "ror"], [CVX, "150", "flu"], [CVX, "208", "covid"], [CVX, "309", "covid"], [CVX, "165", "hpv"],
  ])("%s %s is %s", (system, code, kind) => {
    expect(extractFacts(patient, [shot(system, code, "2020-01-01")]).immunizations).toEqual([{ kind, date: "2020-01-01" }]);
  });

  it("ignores doses not done, unknown codes and another patient's resources; places instants in Paris", () => {
    const other = { ...shot(ATC, "J07BB02", "2020-01-01"), patient: { reference: "Patient/p2" } } as Resource;
    const facts = extractFacts(patient, [shot(ATC, "J07BB02", "2020-01-01", "not-done"), shot(ATC, "J07XX99", "2020-01-01"), other, shot(ATC, "J07BB02", "2025-12-31T23:30:00Z")]);
    expect(facts.immunizations).toEqual([{ kind: "flu", date: "2026-01-01" }]);
  });

  it.each([
    [undefined, [{ kind: "flu", date: "2020-01-01" }]],
    [false, [{ kind: "flu", date: "2020-01-01" }]],
    [true, []],
  ])("a completed dose with isSubpotent %s counts as %j (a subpotent dose is to be given again)", (isSubpotent, expected) => {
    const dose = { ...shot(ATC, "J07BB02", "2020-01-01"), ...(isSubpotent === undefined ? {} : { isSubpotent }) } as Resource;
    expect(extractFacts(patient, [dose]).immunizations).toEqual(expected);
  });

  it.each([
    ["195967001", "asthma"], ["370221004", "severe-asthma"], ["13645005", "copd"], ["44054006", "diabetes"],
    ["84114007", "heart-failure"], ["370388006", "immunocompromised"], ["77386006", "pregnancy"],
  ])("SNOMED %s is %s when active, nothing when resolved", (code, kind) => {
    const condition = (status: string) => ({
      resourceType: "Condition", subject: { reference: "Patient/p1" }, onsetDateTime: "2026-01-10",
      clinicalStatus: { coding: [{ code: status }] }, code: { coding: [{ system: "http://snomed.info/sct", code }] },
    }) as Resource;
    expect([...extractFacts(patient, [condition("active")]).conditions]).toEqual([kind]);
    expect([...extractFacts(patient, [condition("resolved")]).conditions]).toEqual([]);
    if (kind === "pregnancy") expect(extractFacts(patient, [condition("active")]).pregnancyStart).toBe("2026-01-10");
  });

  it.each([
    ["http://loinc.org", "24606-6", "mammography"], ["http://loinc.org", "29771-3", "fit"], ["http://loinc.org", "10524-7", "cytology"],
    ["http://loinc.org", "21440-3", "hpv-test"], ["http://snomed.info/sct", "73761001", "colonoscopy"],
  ])("a completed Procedure %s %s is %s", (system, code, kind) => {
    const procedure = (status: string) => ({ resourceType: "Procedure", status, subject: { reference: "Patient/p1" }, performedDateTime: "2024-03-01", code: { coding: [{ system, code }] } }) as Resource;
    expect(extractFacts(patient, [procedure("completed")]).procedures).toEqual([{ kind, date: "2024-03-01" }]);
    expect(extractFacts(patient, [procedure("not-done")]).procedures).toEqual([]);
  });

  it.each([
    [{ resourceType: "Patient" }, "date de naissance"],
    [{ resourceType: "Patient", birthDate: "1950" }, "date complète"],
    [{ resourceType: "Patient", birthDate: "1950-02-30" }, "date complète"],
  ])("refuses a Patient %j", (p, message) => {
    expect(() => extractFacts(p as never, [])).toThrow(FactsError);
    expect(() => extractFacts(p as never, [])).toThrow(message);
  });

  it.each([
    [[], "objet JSON"],
    [null, "objet JSON"],
    [{ resourceType: "Patient" }, "n'est pas un Bundle"],
    [{ resourceType: "Bundle", entry: [] }, "aucun Patient"],
    [{ resourceType: "Bundle", entry: {} }, "liste"],
    [{ resourceType: "Bundle", entry: [{ resource: patient }, { resource: { ...patient, id: "p2" } }] }, "un seul"],
  ])("refuses the input %j", (json, message) => {
    expect(() => readBundle(json)).toThrow(message);
  });
});
