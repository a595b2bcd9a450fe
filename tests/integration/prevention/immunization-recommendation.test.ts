import type { Bundle, CapabilityStatement, ImmunizationRecommendation } from "@medplum/fhirtypes";
import { validateResource } from "@medplum/core";
import { beforeAll, describe, expect, it } from "vitest";
import { indexDefinitionsFor } from "@/server/fhir/structure-definitions";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, resourceOf, warmUpValidator } from "../fhir-api/http";
import { buildWorld, type World } from "./world";


/** GET /api/fhir/R4/ImmunizationRecommendation?patient=: the same engine, under decide(), audited. */
const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  warmUpValidator();
  world = await buildWorld();
}, 120_000);

const recommendationOf = (text: string) => (JSON.parse(text) as Bundle<ImmunizationRecommendation>).entry?.[0]?.resource;

describe("ImmunizationRecommendation", () => {
  it("answers Jean a searchset with one valid ImmunizationRecommendation from the engine, and audits it", async () => {
    const answer = await fhir("GET", `ImmunizationRecommendation?patient=${world.ids.jean}`, { cookie: world.sessions.jean.cookie });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    const bundle = JSON.parse(answer.text) as Bundle;
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
    const recommendation = recommendationOf(answer.text)!;
    // The portal never stores this type, so its definition is indexed here (structure-definitions.ts).
    indexDefinitionsFor(recommendation);
    expect(() => validateResource(recommendation)).not.toThrow();
    expect(recommendation.patient.reference).toBe(`Patient/${world.ids.jean}`);
    const dtp = recommendation.recommendation.find((r) => r.forecastReason?.[0]?.text === "DTP_ADULT");
    expect(dtp?.forecastStatus.coding?.map((c) => c.code)).toEqual(expect.arrayContaining(["overdue", "OVERDUE"]));
    expect(dtp?.vaccineCode?.[0]?.coding?.[0]).toEqual({ system: "http://www.whocc.no/atc", code: "J07CA01" });
    // Screenings are not vaccinations.
    expect(recommendation.recommendation.some((r) => r.forecastReason?.[0]?.text === "SCR_CRC")).toBe(false);
    const audit = await db().prisma.auditEvent.findFirst({ where: { patientId: world.ids.jean, entity: "ImmunizationRecommendation", outcome: "success" } });
    expect(audit?.agent).toBe(`Patient/${world.ids.jean}`);
  });

  it("defaults to the session's space; an authorised professional gets the same answer", async () => {
    const own = await fhir("GET", "ImmunizationRecommendation", { cookie: world.sessions.jean.cookie });
    const pro = await fhir("GET", `ImmunizationRecommendation?patient=Patient/${world.ids.jean}`, { cookie: world.sessions.bernard.cookie });
    expect(pro.status, pro.text).toBe(200);
    expect(recommendationOf(pro.text)?.recommendation).toEqual(recommendationOf(own.text)?.recommendation);
  });

  it.each([
    ["a professional nobody authorised", "petit", "jean"],
    ["a patient asking for another patient", "jean", "leo"],
    ["a guardian asking for the child's grandfather", "camilleForLeo", "jean"],
  ] as const)("answers %s 404 like a patient who does not exist, and leaves a denied audit row", async (_case, who, whose) => {
    const answer = await fhir("GET", `ImmunizationRecommendation?patient=${world.ids[whose]}`, { cookie: world.sessions[who].cookie });
    expect(answer.status).toBe(404);
    expect(isOutcome(answer)).toBe(true);
    const unknown = await fhir("GET", `ImmunizationRecommendation?patient=${crypto.randomUUID()}`, { cookie: world.sessions[who].cookie });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe(answer.text);
    const denied = await db().prisma.auditEvent.findFirst({ where: { patientId: world.ids[whose], entity: "ImmunizationRecommendation", outcome: "denied" } });
    expect(denied).not.toBeNull();
  });

  it("refuses without a session (401), other parameters (400), writes and instance reads (405)", async () => {
    expect((await fhir("GET", `ImmunizationRecommendation?patient=${world.ids.jean}`)).status).toBe(401);
    const extra = await fhir("GET", `ImmunizationRecommendation?patient=${world.ids.jean}&_count=1000000000`, { cookie: world.sessions.jean.cookie });
    expect(extra.status).toBe(400);
    expect(isOutcome(extra)).toBe(true);
    expect((await fhir("GET", `ImmunizationRecommendation?patient=${world.ids.jean}&patient=${world.ids.leo}`, { cookie: world.sessions.jean.cookie })).status).toBe(400);
    expect((await fhir("POST", "ImmunizationRecommendation", { cookie: world.sessions.jean.cookie, body: { resourceType: "ImmunizationRecommendation" }, headers: { origin: "http://localhost:3000" } })).status).toBe(405);
    expect((await fhir("GET", `ImmunizationRecommendation/${world.ids.jean}`, { cookie: world.sessions.jean.cookie })).status).toBe(405);
  });

  it("is in the CapabilityStatement as a search by patient", async () => {
    const statement = resourceOf<CapabilityStatement>(await fhir("GET", "metadata"));
    const entry = statement.rest?.[0]?.resource?.find((r) => r.type === "ImmunizationRecommendation");
    expect(entry?.interaction).toEqual([{ code: "search-type" }]);
    expect(entry?.searchParam?.map((p) => p.name)).toEqual(["patient"]);
  });

  it("Procedure is served as part of the record: the patient reads the screenings they declared", async () => {
    const statement = resourceOf<CapabilityStatement>(await fhir("GET", "metadata"));
    expect(statement.rest?.[0]?.resource?.some((r) => r.type === "Procedure")).toBe(true);
    const answer = await fhir("GET", `Procedure?patient=${world.ids.jean}`, { cookie: world.sessions.jean.cookie });
    expect(answer.status, answer.text).toBe(200);
  });
});
