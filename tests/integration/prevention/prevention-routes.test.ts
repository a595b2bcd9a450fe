import type { Immunization, Procedure } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as addToRecord } from "@/app/(patient)/espace/prevention/carnet/ajouter/route";
import { POST as done } from "@/app/(patient)/espace/prevention/fait/route";
import { POST as reminders } from "@/app/(patient)/espace/prevention/rappels/route";
import { systemRepository } from "@/server/fhir/repository";
import { todayInParis } from "@/server/prevention/days";
import { preventionOf } from "@/server/prevention/evaluate-patient";
import { loadPreferences } from "@/server/prevention/preferences";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, warmUpValidator } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { buildWorld, type World } from "./world";


/**
 * The prevention forms as a browser posts them (urlencoded, same origin, the real session
 * cookie) and as an attacker would: no session, another site, another patient's id in the
 * body, a role that may not write, dates and items that make no sense. Each refusal changes
 * nothing; each access leaves its audit row.
 */
const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  warmUpValidator();
  world = await buildWorld();
}, 120_000);

type Handler = (request: Request) => Promise<Response>;
async function post(handler: Handler, path: string, fields: Record<string, string>, options: { cookie?: string; origin?: string | null } = {}) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (options.origin !== null) headers.set("origin", options.origin ?? appUrl());
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new Request(`${appUrl()}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
  return inRequestScope(request, () => handler(request));
}

const today = () => todayInParis();
const system = () => systemRepository("prevention-tests-check");
const count = async (type: "Immunization" | "Procedure" | "Consent", patientId: string) =>
  (await (await system()).search(type, { patientId, count: 100 })).resources.length;

describe("C'est fait (POST /espace/prevention/fait)", () => {
  it("Jean records his overdue dTP booster: declared by him, audited, and the item is up to date", async () => {
    const before = (await preventionOf(await system(), world.ids.jean)).items.find((i) => i.item === "DTP_ADULT");
    expect(before?.status).toBe("OVERDUE");
    const answer = await post(done, "/espace/prevention/fait", { item: "DTP_ADULT", date: today() }, { cookie: world.sessions.jean.cookie });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/espace/prevention?message=fait");
    const shots = (await (await system()).search<Immunization>("Immunization", { patientId: world.ids.jean, count: 100 })).resources;
    const declared = shots.find((s) => s.primarySource === false);
    expect(declared).toMatchObject({ status: "completed", occurrenceDateTime: today(), vaccineCode: { coding: [{ system: "http://www.whocc.no/atc", code: "J07CA01" }] } });
    // What it protects against, no brand: Jean named none (it read « Revaxis (…) »).
    expect(declared?.vaccineCode?.text).toBe("Diphtérie, tétanos, polio (dTP)");
    const after = (await preventionOf(await system(), world.ids.jean)).items.find((i) => i.item === "DTP_ADULT");
    expect(after?.status).toBe("COMPLETE");
    const audit = await db().prisma.auditEvent.findFirst({ where: { patientId: world.ids.jean, entity: `Immunization/${declared?.id}`, interaction: "create", outcome: "success" } });
    expect(audit?.agent).toBe(`Patient/${world.ids.jean}`);
  });

  it("a screening is recorded as a Procedure", async () => {
    const answer = await post(done, "/espace/prevention/fait", { item: "SCR_CRC", date: "2024-05-02" }, { cookie: world.sessions.jean.cookie });
    expect(answer.headers.get("location")).toBe("/espace/prevention?message=fait");
    const procedures = (await (await system()).search<Procedure>("Procedure", { patientId: world.ids.jean, count: 100 })).resources;
    expect(procedures).toEqual([expect.objectContaining({ status: "completed", performedDateTime: "2024-05-02", code: expect.objectContaining({ coding: [{ system: "http://loinc.org", code: "29771-3" }] }) })]);
  });

  // Refused for its day alone, the answer names the item, whose date field the page then marks.
  const dateRefused = "/espace/prevention?message=date-invalide&item=FLU";
  it.each([
    ["a day in the future", { item: "FLU", date: "2999-01-01" }, dateRefused],
    ["a day before the birth", { item: "FLU", date: "1949-12-31" }, dateRefused],
    ["a day that does not exist", { item: "FLU", date: "2025-02-30" }, dateRefused],
    ["another format", { item: "FLU", date: "2026/11/30" }, dateRefused],
    ["no day", { item: "FLU", date: "" }, dateRefused],
    ["an unknown item", { item: "NOT_AN_ITEM", date: "2025-01-01" }, "/espace/prevention?message=invalide"],
    ["an item that is not a name", { item: "<script>", date: "2025-01-01" }, "/espace/prevention?message=invalide"],
    ["an unknown item with a bad day", { item: "NOT_AN_ITEM", date: "2999-01-01" }, "/espace/prevention?message=invalide"],
    ["nothing", {}, "/espace/prevention?message=invalide"],
  ])("refuses %s: a French message, nothing recorded", async (_case, fields, location) => {
    const before = await count("Immunization", world.ids.jean);
    const answer = await post(done, "/espace/prevention/fait", fields as Record<string, string>, { cookie: world.sessions.jean.cookie });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(location);
    expect(await count("Immunization", world.ids.jean)).toBe(before);
  });

  it("refuses without a session (401) and from another site (403): nothing recorded", async () => {
    const before = await count("Immunization", world.ids.jean);
    expect((await post(done, "/espace/prevention/fait", { item: "FLU", date: "2025-01-01" })).status).toBe(401);
    expect((await post(done, "/espace/prevention/fait", { item: "FLU", date: "2025-01-01" }, { cookie: world.sessions.jean.cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await post(done, "/espace/prevention/fait", { item: "FLU", date: "2025-01-01" }, { cookie: world.sessions.jean.cookie, origin: null })).status).toBe(403);
    expect(await count("Immunization", world.ids.jean)).toBe(before);
  });

  it("a guardian records for the child whose space they are in; a patient id in the body changes nothing", async () => {
    const jeanBefore = await count("Immunization", world.ids.jean);
    const answer = await post(done, "/espace/prevention/fait", { item: "HEXA", date: "2017-01-10", patientId: world.ids.jean, patient: `Patient/${world.ids.jean}` }, { cookie: world.sessions.camilleForLeo.cookie });
    expect(answer.headers.get("location")).toBe("/espace/prevention?message=fait");
    expect(await count("Immunization", world.ids.leo)).toBe(1);
    expect(await count("Immunization", world.ids.jean)).toBe(jeanBefore);
  });

  it("a caregiver who may only read the record is refused, and the attempt is in Jean's history", async () => {
    const before = await count("Immunization", world.ids.jean);
    const answer = await post(done, "/espace/prevention/fait", { item: "FLU", date: "2025-01-01" }, { cookie: world.sessions.nadiaForJean.cookie });
    expect(answer.headers.get("location")).toBe("/espace/prevention?message=refuse");
    expect(await count("Immunization", world.ids.jean)).toBe(before);
    const denied = await db().prisma.auditEvent.findFirst({ where: { patientId: world.ids.jean, interaction: "create", outcome: "denied", agent: `Patient/${world.ids.nadia}` } });
    expect(denied).not.toBeNull();
  });

  it("a professional has no patient space here: 404", async () => {
    const answer = await post(done, "/espace/prevention/fait", { item: "FLU", date: "2025-01-01" }, { cookie: world.sessions.bernard.cookie });
    expect(answer.status).toBe(404);
  });
});

describe("Ne plus me le rappeler (POST /espace/prevention/rappels)", () => {
  it("silences a theme, then all, then restores: stored as Consents in Jean's record", async () => {
    const cookie = world.sessions.jean.cookie;
    expect((await post(reminders, "/espace/prevention/rappels", { theme: "depistage", action: "silence" }, { cookie })).headers.get("location")).toBe("/espace/prevention?message=rappels");
    await post(reminders, "/espace/prevention/rappels", { theme: "depistage", action: "silence" }, { cookie });
    let preferences = await loadPreferences(await system(), world.ids.jean);
    expect([...preferences.themes]).toEqual(["depistage"]);
    expect(preferences.all).toBe(false);
    await post(reminders, "/espace/prevention/rappels", { theme: "all", action: "silence" }, { cookie });
    preferences = await loadPreferences(await system(), world.ids.jean);
    expect(preferences.all).toBe(true);
    await post(reminders, "/espace/prevention/rappels", { theme: "all", action: "restore" }, { cookie });
    await post(reminders, "/espace/prevention/rappels", { theme: "depistage", action: "restore" }, { cookie });
    preferences = await loadPreferences(await system(), world.ids.jean);
    expect(preferences.all).toBe(false);
    expect(preferences.themes.size).toBe(0);
  });

  it("refuses an unknown theme, and a caregiver without privacy:manage", async () => {
    const before = await count("Consent", world.ids.jean);
    expect((await post(reminders, "/espace/prevention/rappels", { theme: "__proto__", action: "silence" }, { cookie: world.sessions.jean.cookie })).headers.get("location")).toBe("/espace/prevention?message=invalide");
    expect((await post(reminders, "/espace/prevention/rappels", { theme: "bilan", action: "silence" }, { cookie: world.sessions.nadiaForJean.cookie })).headers.get("location")).toBe("/espace/prevention?message=refuse");
    expect(await count("Consent", world.ids.jean)).toBe(before);
  });
});

describe("the vaccination record (POST /espace/prevention/carnet/ajouter)", () => {
  it("adds a vaccine sold in France, coded ATC, with its lot", async () => {
    const answer = await post(addToRecord, "/espace/prevention/carnet/ajouter", { product: "shingrix", date: "2025-11-03", lot: "SHX-2025/A1" }, { cookie: world.sessions.jean.cookie });
    expect(answer.headers.get("location")).toBe("/espace/prevention/carnet?message=ajoute");
    const shots = (await (await system()).search<Immunization>("Immunization", { patientId: world.ids.jean, count: 100 })).resources;
    expect(shots.find((s) => s.lotNumber === "SHX-2025/A1")).toMatchObject({ vaccineCode: { coding: [{ code: "J07BK03" }] }, primarySource: false });
  });

  // Refused for its date or its lot alone, the answer names that field, which the page then marks.
  it.each([
    ["an unknown product", { product: "snake-oil", date: "2025-01-01" }, "invalide"],
    ["a lot with markup", { product: "shingrix", date: "2025-01-01", lot: "<img src=x onerror=alert(1)>" }, "lot-invalide"],
    ["a future day", { product: "shingrix", date: "2999-01-01" }, "date-invalide"],
    ["a day before the birth", { product: "shingrix", date: "1901-01-01" }, "date-invalide"],
    ["a day that is not one", { product: "shingrix", date: "demain" }, "date-invalide"],
    ["a bad day and a bad lot", { product: "shingrix", date: "demain", lot: "<b>" }, "invalide"],
  ])("refuses %s, saying which field", async (_case, fields, code) => {
    const before = await count("Immunization", world.ids.jean);
    const answer = await post(addToRecord, "/espace/prevention/carnet/ajouter", fields, { cookie: world.sessions.jean.cookie });
    expect(answer.headers.get("location")).toBe(`/espace/prevention/carnet?message=${code}`);
    expect(await count("Immunization", world.ids.jean)).toBe(before);
  });
});
