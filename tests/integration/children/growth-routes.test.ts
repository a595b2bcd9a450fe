import type { Bundle, Observation } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as record } from "@/app/(patient)/espace/carnet-enfant/mesure/route";
import { loadGrowth } from "@/server/children/load-growth";
import { systemRepository } from "@/server/fhir/repository";
import { todayInParis } from "@/server/prevention/days";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, warmUpValidator } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { buildWorld, type World } from "./world";


/**
 * The growth form as a browser posts it (urlencoded, same origin, the session cookie) and as
 * someone without rights would: a guardian records a measure in the child's record, audited;
 * nobody else writes there, whatever the body says; bad input changes nothing and says why.
 */
const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  warmUpValidator();
  world = await buildWorld();
}, 120_000);

const PATH = "/espace/carnet-enfant/mesure";
async function post(fields: Record<string, string>, options: { cookie?: string; origin?: string | null } = {}) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (options.origin !== null) headers.set("origin", options.origin ?? appUrl());
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new Request(`${appUrl()}${PATH}`, { method: "POST", headers, body: new URLSearchParams(fields) });
  return inRequestScope(request, () => record(request));
}
const growthOf = async (patientId: string) => (await (await systemRepository("children-tests-check")).search<Observation>("Observation", { patientId, count: 100 })).resources;
const codeOf = (o: Observation) => o.code?.coding?.[0]?.code;

describe("a guardian records a measure (POST /espace/carnet-enfant/mesure)", () => {
  it("Camille records Léo's weight and height: three vital signs (BMI computed), by her, audited, and the page draws them", async () => {
    const before = (await growthOf(world.ids.leo)).length;
    const day = todayInParis();
    const answer = await post({ espace: world.ids.leo, date: day, poids: "32,4", taille: "139" }, { cookie: world.sessions.camilleForLeo.cookie });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/espace/carnet-enfant?message=ajoute");
    const added = (await growthOf(world.ids.leo)).filter((o) => o.effectiveDateTime === day);
    expect(added.length).toBe(3);
    expect((await growthOf(world.ids.leo)).length).toBe(before + 3);
    const byCode = new Map(added.map((o) => [codeOf(o), o]));
    expect(byCode.get("29463-7")?.valueQuantity).toMatchObject({ value: 32.4, code: "kg", system: "http://unitsofmeasure.org" });
    expect(byCode.get("8302-2")?.valueQuantity).toMatchObject({ value: 139, code: "cm" });
    expect(byCode.get("39156-5")?.valueQuantity).toMatchObject({ value: 16.8, code: "kg/m2" });
    for (const observation of added) {
      expect(observation).toMatchObject({ status: "final", subject: { reference: `Patient/${world.ids.leo}` }, performer: [{ reference: `Patient/${world.ids.camille}` }] });
      expect(observation.category?.[0]?.coding?.[0]?.code).toBe("vital-signs");
      const audit = await db().prisma.auditEvent.findFirst({ where: { patientId: world.ids.leo, entity: `Observation/${observation.id}`, interaction: "create", outcome: "success" } });
      expect(audit?.agent).toBe(`Patient/${world.ids.camille}`);
      expect(audit?.onBehalfOf).toBe(`Patient/${world.ids.leo}`);
    }
    // What the page reads, as Camille: the measures on the curves, with a centile.
    const page = await loadGrowth(await systemRepository("children-tests-page"), world.ids.leo);
    const weight = page.series.weight.find((p) => p.day === day);
    expect(weight?.value).toBe(32.4);
    expect(weight?.centile).toBeGreaterThan(40);
    expect(weight?.centile).toBeLessThan(70);
  });

  it("writes in the session's space whatever the body names: a patient id in the form is not read", async () => {
    const nadiaBefore = (await growthOf(world.ids.nadia)).length;
    const answer = await post({ espace: world.ids.leo, date: "2026-05-02", poids: "31", patient: world.ids.nadia, subject: `Patient/${world.ids.nadia}` }, { cookie: world.sessions.camilleForLeo.cookie });
    expect(answer.headers.get("location")).toBe("/espace/carnet-enfant?message=ajoute");
    expect((await growthOf(world.ids.nadia)).length).toBe(nadiaBefore);
    expect((await growthOf(world.ids.leo)).some((o) => o.effectiveDateTime === "2026-05-02")).toBe(true);
  });

  it.each([
    ["a weight out of bounds", { date: "2026-05-03", poids: "300" }, "poids"],
    ["a height in metres", { date: "2026-05-03", taille: "1,39" }, "taille"],
    ["a head circumference out of bounds", { date: "2026-05-03", perimetre: "95" }, "perimetre"],
    ["no measure", { date: "2026-05-03" }, "vide"],
    ["a weight with its unit", { date: "2026-05-03", poids: "31 kg" }, "poids-nombre"],
    ["a day in the future", { date: "2999-01-01", poids: "31" }, "futur"],
    ["a day that does not exist", { date: "2026-02-30", poids: "31" }, "date"],
    ["a day before the birth", { date: "2016-09-09", poids: "3" }, "naissance"],
    ["a weight impossible at 9 years (grams typed as kilos?)", { date: "2026-05-03", poids: "3,1" }, "poids-age"],
    ["a height impossible at 9 years", { date: "2026-05-03", taille: "60" }, "taille-age"],
  ])("refuses %s with a French message, nothing written", async (_case, fields, notice) => {
    const before = (await growthOf(world.ids.leo)).length;
    const answer = await post({ espace: world.ids.leo, ...fields }, { cookie: world.sessions.camilleForLeo.cookie });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/espace/carnet-enfant?message=${notice}`);
    expect((await growthOf(world.ids.leo)).length).toBe(before);
  });
});

describe("nobody else writes in Léo's record", () => {
  it("Nadia, who has no right on Léo, cannot: the form writes only in her own space, and the API answers 404 with nothing written", async () => {
    const before = (await growthOf(world.ids.leo)).length;
    // Her session is in her own space: the form names Léo's, so it refuses.
    const viaForm = await post({ espace: world.ids.leo, date: "2026-05-04", poids: "31" }, { cookie: world.sessions.nadia.cookie });
    expect(viaForm.headers.get("location")).toBe("/espace/carnet-enfant?message=espace");
    const body: Observation = {
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "29463-7" }] },
      subject: { reference: `Patient/${world.ids.leo}` },
      effectiveDateTime: "2026-05-04",
      valueQuantity: { value: 31, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
    };
    const viaApi = await fhir("POST", "Observation", { cookie: world.sessions.nadia.cookie, body, headers: { origin: appUrl() } });
    expect([403, 404]).toContain(viaApi.status);
    const search = await fhir("GET", `Observation?patient=${world.ids.leo}`, { cookie: world.sessions.nadia.cookie });
    expect(((search.json() as Bundle).entry ?? []).length).toBe(0);
    expect((await growthOf(world.ids.leo)).length).toBe(before);
    const denied = await db().prisma.auditEvent.findFirst({ where: { patientId: world.ids.leo, agent: `Patient/${world.ids.nadia}`, outcome: "denied" } });
    expect(denied).not.toBeNull();
  });

  it("an adult cannot record a growth measure in her own space: the form answers as if it did not exist, nothing written", async () => {
    const before = (await growthOf(world.ids.nadia)).length;
    const answer = await post({ espace: world.ids.nadia, date: "2026-05-04", poids: "61", taille: "168" }, { cookie: world.sessions.nadia.cookie });
    expect(answer.status).toBe(404);
    expect((await growthOf(world.ids.nadia)).length).toBe(before);
  });

  it("without a session: 401; from another site: refused; nothing written", async () => {
    const before = (await growthOf(world.ids.leo)).length;
    expect((await post({ espace: world.ids.leo, date: "2026-05-05", poids: "31" })).status).toBe(401);
    const crossSite = await post({ espace: world.ids.leo, date: "2026-05-05", poids: "31" }, { cookie: world.sessions.camilleForLeo.cookie, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((await growthOf(world.ids.leo)).length).toBe(before);
  });
});

describe("a professional records a measure through the FHIR API", () => {
  it("Dr Bernard, authorised, POSTs a weight; the page shows it as a professional's", async () => {
    const body: Observation = {
      resourceType: "Observation",
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "29463-7", display: "Body weight" }] },
      subject: { reference: `Patient/${world.ids.leo}` },
      performer: [{ reference: `Practitioner/${world.ids.bernard}` }],
      effectiveDateTime: "2026-04-01",
      valueQuantity: { value: 30.8, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
    };
    const answer = await fhir("POST", "Observation", { cookie: world.sessions.bernard.cookie, body, headers: { origin: appUrl() } });
    expect(answer.status).toBe(201);
    const page = await loadGrowth(await systemRepository("children-tests-page"), world.ids.leo);
    expect(page.series.weight.find((p) => p.day === "2026-04-01")).toMatchObject({ value: 30.8, byProfessional: true });
  });
});
