import type { Bundle, ImmunizationRecommendation } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as done } from "@/app/(patient)/espace/prevention/fait/route";
import * as preventionPage from "@/pages/espace/prevention";
import * as carnetPage from "@/pages/espace/prevention/carnet";
import * as historyPage from "@/pages/espace/historique";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { aGuardianship } from "@/lib/fhir/builders/rules";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";
import { systemRepository } from "@/server/fhir/repository";
import { addDays, addYears, todayInParis } from "@/server/prevention/days";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { servePage, type PagesModule } from "../pages/pages-route";

useTestDatabase();

/**
 * A minor's secret pregnancy seen from her mother's session, through every door the mother has to
 * her calendar: the pages and the FHIR API's ImmunizationRecommendation. Two sisters born the same
 * day, one pregnant (secret from the mother), one not: what the mother reads of each must be the
 * same, word for word, but for the names and ids. Any difference tells the mother something.
 */
let mother: { jade: SignedIn; lou: SignedIn };
let herself: SignedIn;
let ids: { jade: string; lou: string };
beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("pregnancy-secret-guardian-tests");
  const today = todayInParis();
  const birthDate = addYears(today, -16);
  const jade = (await system.create(aPatient({ given: "Jade", family: "Morel", gender: "female", birthDate }))).id!;
  const lou = (await system.create(aPatient({ given: "Jade", family: "Morel", gender: "female", birthDate }))).id!;
  const parent = (await system.create(aPatient({ given: "Agnès", family: "Morel", birthDate: "1980-02-03" }))).id!;
  for (const child of [jade, lou]) await system.create(aGuardianship({ patientId: child, agentPatientId: parent, scopes: [] }));
  await system.create({
    ...aCondition({ patientId: jade, condition: { snomed: "77386006", display: "Pregnancy", label: "Grossesse" }, onset: addDays(today, -26 * 7) }),
    meta: { security: [{ system: SYSTEMS.privacyLabel, code: MINOR_SECRET }] },
  });
  ids = { jade, lou };
  herself = await signIn(`Patient/${jade}`, { name: "Jade Morel" });
  mother = {
    jade: await signIn(`Patient/${parent}`, { space: jade, name: "Agnès Morel" }),
    lou: await signIn(`Patient/${parent}`, { space: lou, name: "Agnès Morel" }),
  };
}, 120_000);

const neutral = (text: string, id: string) => text.replaceAll(id, "<id>").replace(/nonce="[^"]*"/g, "").replace(/"(?:lastUpdated|date)":"[^"]*"/g, "");

/** « C'est fait » posted from the minor's own calendar page. */
async function doneByHerself(item: string, date: string): Promise<Response> {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: herself.cookie });
  const request = new Request(`${appUrl()}/espace/prevention/fait`, { method: "POST", headers, body: new URLSearchParams({ item, date }) });
  return inRequestScope(request, () => done(request));
}

async function sameForBoth<P extends Record<string, unknown>>(page: PagesModule<P>, path: string) {
  const [jade, lou] = await Promise.all(
    (["jade", "lou"] as const).map(async (who) => {
      const answer = await servePage(page, path, { cookie: mother[who].cookie });
      expect(answer.status).toBe(200);
      return neutral(answer.html!, ids[who]);
    }),
  );
  expect(jade).not.toContain("mentionne une grossesse");
  expect(jade).toEqual(lou);
}

/** Jade's own actions, as her mother's history of Jade's space lists them (newest first). */
async function herActionsSeenByMother(): Promise<string[]> {
  const html = (await servePage(historyPage, "/espace/historique", { cookie: mother.jade.cookie })).html!;
  const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  const own = text.slice(text.indexOf("Consultations et actions de Jade Morel"));
  return [...own.matchAll(/Jade Morel ((?:Consultation|Ajout|Modification|Suppression) : .*?|Recherche dans .*?) Autorisé/g)].map((match) => match[1]!);
}

describe("a minor's secret pregnancy, from her guardian's session", () => {
  it("the guardian's ImmunizationRecommendation for her reads as for her sister who is not pregnant", async () => {
    const answers = await Promise.all(
      (["jade", "lou"] as const).map(async (who) => {
        const answer = await fhir("GET", `ImmunizationRecommendation?patient=${ids[who]}`, { cookie: mother[who].cookie });
        expect(answer.status, answer.text).toBe(200);
        return (JSON.parse(answer.text) as Bundle<ImmunizationRecommendation>).entry?.[0]?.resource?.recommendation;
      }),
    );
    expect(JSON.stringify(answers[0])).not.toMatch(/grossesse|aménorrhée/i);
    expect(answers[0]).toEqual(answers[1]);
  });

  it("the calendar the guardian reads of her is her sister's", async () => {
    await sameForBoth(preventionPage, "/espace/prevention");
  });

  it("the vaccination record the guardian reads of her is her sister's", async () => {
    await sameForBoth(carnetPage, "/espace/prevention/carnet");
  });

  // Last: it records a dose. The dose she declares from the pregnancy's item is part of the care
  // she keeps secret: her mother's record of her showed « Diphtérie, tétanos, coqueluche, polio,
  // déclarée » at 16, and her 11-13 booster « à jour » by it.
  it("the pertussis dose she declares from the pregnancy's item stays out of the guardian's pages, and her own says it is done", async () => {
    const before = await herActionsSeenByMother();
    expect((await servePage(preventionPage, "/espace/prevention", { cookie: herself.cookie })).status).toBe(200);
    const aLook = (await herActionsSeenByMother()).slice(0, -before.length || undefined);
    const answer = await doneByHerself("PERTUSSIS_PREGNANCY", addDays(todayInParis(), -2));
    expect(answer.headers.get("location")).toBe("/espace/prevention?message=fait");
    // Her mother's history of her space: reads of the kinds a look at her calendar leaves, no
    // « Ajout » (a look reads the sharing choices too, which the dose's post does not).
    const afterDose = await herActionsSeenByMother();
    const byDose = afterDose.slice(0, afterDose.length - before.length - aLook.length);
    expect(byDose.length).toBeGreaterThan(0);
    for (const action of byDose) expect(aLook).toContain(action);
    const own = (await servePage(preventionPage, "/espace/prevention", { cookie: herself.cookie })).html!.replaceAll("&#x27;", "'");
    expect(own).toContain("la vaccination contre la coqueluche est enregistrée le");
    await sameForBoth(carnetPage, "/espace/prevention/carnet");
    await sameForBoth(preventionPage, "/espace/prevention");
  });

  // After it: the maternal RSV vaccine (Abrysvo) is a pregnancy's item too, and its dose as secret.
  it("the RSV dose she declares from the maternal vaccine's item stays out of the guardian's pages, and her own says it is done", async () => {
    const answer = await doneByHerself("RSV_PREGNANCY", addDays(todayInParis(), -1));
    expect(answer.headers.get("location")).toBe("/espace/prevention?message=fait");
    const own = (await servePage(preventionPage, "/espace/prevention", { cookie: herself.cookie })).html!.replaceAll("&#x27;", "'");
    expect(own).toContain("la vaccination contre le VRS est enregistrée le");
    await sameForBoth(carnetPage, "/espace/prevention/carnet");
    await sameForBoth(preventionPage, "/espace/prevention");
  });
});
