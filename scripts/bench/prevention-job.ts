/**
 * `npm run bench -- prevention`: the daily prevention job over N synthetic people (BENCH_PATIENTS,
 * default 100,000; target: all of them in under 60 s on this machine). Two figures:
 *  - engine: recommend() on each person's facts plus the notifications seam (newDueItems);
 *  - from FHIR: the same after extracting the facts from each person's FHIR resources, built in
 *    chunks beforehand so their building is not counted.
 * And the job's memory (heap and peak RSS). The people are generated from a fixed seed: ages
 * 0–100, both sexes, conditions, up to 15 vaccinations and 5 screenings each.
 */
import type { Condition, Immunization, Patient, Procedure, Resource } from "@medplum/fhirtypes";
import { FR_2025 } from "../../src/server/prevention/calendars/fr-2025";
import { addDays, todayInParis } from "../../src/server/prevention/days";
import { extractFacts } from "../../src/server/prevention/extract-facts";
import { newDueItems } from "../../src/server/prevention/new-due-items";
import { recommend } from "../../src/server/prevention/recommend";
import type { ConditionKind, PreventionFacts, ProcedureKind, VaccineKind } from "../../src/server/prevention/types";

const N = Number(process.env.BENCH_PATIENTS ?? 100_000);
const CHUNK = 1000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VACCINES: [VaccineKind, string][] = [["hexa", "J07CA09"], ["dtcap", "J07CA02"], ["dtp", "J07CA01"], ["pcv", "J07AL02"], ["menb", "J07AH09"], ["menacwy", "J07AH08"], ["ror", "J07BD52"], ["hpv", "J07BM03"], ["flu", "J07BB02"], ["covid", "J07BN01"], ["zoster", "J07BK03"], ["rsv", "J07BX05"]];
const CONDITIONS: [ConditionKind, string][] = [["asthma", "195967001"], ["copd", "13645005"], ["diabetes", "44054006"], ["heart-failure", "84114007"], ["immunocompromised", "370388006"]];
const PROCEDURES: [ProcedureKind, string, string][] = [["mammography", "http://loinc.org", "24606-6"], ["fit", "http://loinc.org", "29771-3"], ["cytology", "http://loinc.org", "10524-7"], ["hpv-test", "http://loinc.org", "21440-3"], ["colonoscopy", "http://snomed.info/sct", "73761001"]];

type Person = { id: string; birth: string; sex: "female" | "male"; conditions: [ConditionKind, string][]; shots: [VaccineKind, string, string][]; procedures: [ProcedureKind, string, string, string][] };

function person(i: number, today: string): Person {
  const r = rng(i + 1);
  const ageDays = Math.floor(r() * 100 * 365.25);
  const birth = addDays(today, -ageDays);
  const pick = <T,>(list: T[]) => list[Math.floor(r() * list.length)] as T;
  const shots = Array.from({ length: Math.floor(r() * 16) }, () => {
    const [kind, atc] = pick(VACCINES);
    return [kind, atc, addDays(birth, Math.floor(r() * ageDays))] as [VaccineKind, string, string];
  });
  const procedures = Array.from({ length: Math.floor(r() * 6) }, () => {
    const [kind, system, code] = pick(PROCEDURES);
    return [kind, system, code, addDays(birth, Math.floor(r() * ageDays))] as [ProcedureKind, string, string, string];
  });
  const conditions = r() < 0.3 ? [pick(CONDITIONS)] : [];
  return { id: `p${i}`, birth, sex: r() < 0.5 ? "female" : "male", conditions, shots, procedures };
}

function factsOf(p: Person): PreventionFacts {
  return {
    birthDate: p.birth,
    sex: p.sex,
    conditions: new Set(p.conditions.map(([kind]) => kind)),
    immunizations: p.shots.map(([kind, , date]) => ({ kind, date })),
    procedures: p.procedures.map(([kind, , , date]) => ({ kind, date })),
  };
}

function fhirOf(p: Person): { patient: Patient; resources: Resource[] } {
  const ref = { reference: `Patient/${p.id}` };
  return {
    patient: { resourceType: "Patient", id: p.id, birthDate: p.birth, gender: p.sex },
    resources: [
      ...p.conditions.map(([, code]): Condition => ({ resourceType: "Condition", subject: ref, clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: "http://snomed.info/sct", code }] } })),
      ...p.shots.map(([, atc, date]): Immunization => ({ resourceType: "Immunization", status: "completed", patient: ref, occurrenceDateTime: `${date}T10:00:00+01:00`, vaccineCode: { coding: [{ system: "http://www.whocc.no/atc", code: atc }] } })),
      ...p.procedures.map(([, system, code, date]): Procedure => ({ resourceType: "Procedure", status: "completed", subject: ref, performedDateTime: date, code: { coding: [{ system, code }] } })),
    ],
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function benchPrevention() {
  const today = todayInParis();
  const silenced = { all: false, themes: new Set<never>() };
  const notified: ReadonlySet<string> = new Set<string>();
  const heapBefore = process.memoryUsage().heapUsed;

  // Engine on facts, as a job reading compact rows would call it.
  let engineMs = 0;
  let notifications = 0;
  let items = 0;
  for (let start = 0; start < N; start += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, N - start) }, (_, k) => factsOf(person(start + k, today)));
    const t = performance.now();
    for (const facts of chunk) {
      const result = recommend(facts, FR_2025, today);
      items += result.length;
      // First run of the job: nothing notified yet (the notifications module keeps each person's keys).
      notifications += newDueItems(result, notified, silenced).length;
    }
    engineMs += performance.now() - t;
  }

  // From FHIR resources: extraction of the facts, then the engine.
  let fhirMs = 0;
  for (let start = 0; start < N; start += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, N - start) }, (_, k) => fhirOf(person(start + k, today)));
    const t = performance.now();
    for (const { patient, resources } of chunk) recommend(extractFacts(patient, resources), FR_2025, today);
    fhirMs += performance.now() - t;
  }
  const heapAfter = process.memoryUsage().heapUsed;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const result = {
    patients: N,
    date: today,
    engine: { seconds: engineMs / 1000, perSecond: N / (engineMs / 1000), items, notifications },
    fromFhir: { seconds: fhirMs / 1000, perSecond: N / (fhirMs / 1000) },
    memory: { heapGrowth: heapAfter - heapBefore, peakRss },
  };
  console.log(`prevention daily job, ${N.toLocaleString("en")} people on ${today}:`);
  console.log(`  engine:    ${result.engine.seconds.toFixed(1)} s, ${Math.round(result.engine.perSecond).toLocaleString("en")} people/s (${items.toLocaleString("en")} items, ${notifications.toLocaleString("en")} new due) — target 100,000 in < 60 s: ${result.engine.seconds < 60 * (N / 100_000) ? "met" : "NOT met"}`);
  console.log(`  from FHIR: ${result.fromFhir.seconds.toFixed(1)} s, ${Math.round(result.fromFhir.perSecond).toLocaleString("en")} people/s (facts extracted from FHIR resources, then the engine)`);
  console.log(`  memory:    heap growth ${mb(result.memory.heapGrowth)}, peak RSS ${mb(result.memory.peakRss)} (chunks of ${CHUNK} people)`);
  return result;
}
