import { beforeAll, describe, expect, it } from "vitest";
import { POST as addToRecord } from "@/app/(patient)/espace/prevention/carnet/ajouter/route";
import * as preventionPage from "@/pages/espace/prevention";
import * as carnetPage from "@/pages/espace/prevention/carnet";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { aGuardianship } from "@/lib/fhir/builders/rules";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";
import { systemRepository } from "@/server/fhir/repository";
import { addDays, addYears, todayInParis } from "@/server/prevention/days";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { servePage, type PagesModule } from "../pages/pages-route";

useTestDatabase();

/**
 * A minor's secret pregnancy and the doses she adds by hand to her carnet (« Carnet › Ajouter »):
 * a dTcaP dose dated within the pregnancy is its vaccination, and must stay out of her mother's
 * view as the pregnancy does. Two sisters born the same day, one pregnant (secret from the
 * mother), one not: each adds the same dTP dose (which tells nothing), and only Jade, the pregnant
 * one, a dTcaP dose during her pregnancy. What the mother reads of each must be the same.
 */
let mother: { jade: SignedIn; lou: SignedIn };
let herself: { jade: SignedIn; lou: SignedIn };
let ids: { jade: string; lou: string };
const today = todayInParis();
const pregnancyStart = addDays(today, -26 * 7);
beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("pregnancy-secret-carnet-tests");
  const birthDate = addYears(today, -16);
  const jade = (await system.create(aPatient({ given: "Jade", family: "Morel", gender: "female", birthDate }))).id!;
  const lou = (await system.create(aPatient({ given: "Jade", family: "Morel", gender: "female", birthDate }))).id!;
  const parent = (await system.create(aPatient({ given: "Agnès", family: "Morel", birthDate: "1980-02-03" }))).id!;
  for (const child of [jade, lou]) await system.create(aGuardianship({ patientId: child, agentPatientId: parent, scopes: [] }));
  await system.create({
    ...aCondition({ patientId: jade, condition: { snomed: "77386006", display: "Pregnancy", label: "Grossesse" }, onset: pregnancyStart }),
    meta: { security: [{ system: SYSTEMS.privacyLabel, code: MINOR_SECRET }] },
  });
  ids = { jade, lou };
  herself = { jade: await signIn(`Patient/${jade}`, { name: "Jade Morel" }), lou: await signIn(`Patient/${lou}`, { name: "Jade Morel" }) };
  mother = {
    jade: await signIn(`Patient/${parent}`, { space: jade, name: "Agnès Morel" }),
    lou: await signIn(`Patient/${parent}`, { space: lou, name: "Agnès Morel" }),
  };
}, 120_000);

const neutral = (text: string, id: string) => text.replaceAll(id, "<id>").replace(/nonce="[^"]*"/g, "");

/** The carnet's « Ajouter » form, posted from the session given. */
async function add(session: SignedIn, fields: Record<string, string>): Promise<void> {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: session.cookie });
  const request = new Request(`${appUrl()}/espace/prevention/carnet/ajouter`, { method: "POST", headers, body: new URLSearchParams(fields) });
  const answer = await inRequestScope(request, () => addToRecord(request));
  expect(answer.headers.get("location")).toBe("/espace/prevention/carnet?message=ajoute");
}

async function seenByMother<P extends Record<string, unknown>>(page: PagesModule<P>, path: string): Promise<{ jade: string; lou: string }> {
  const [jade, lou] = await Promise.all(
    (["jade", "lou"] as const).map(async (who) => {
      const answer = await servePage(page, path, { cookie: mother[who].cookie });
      expect(answer.status).toBe(200);
      return neutral(answer.html!, ids[who]);
    }),
  );
  return { jade: jade!, lou: lou! };
}

describe("a pertussis dose a minor adds to her carnet during a pregnancy kept from her guardian", () => {
  it("stays out of the guardian's carnet and calendar of her, which read as her sister's; her own carnet lists it", async () => {
    const dtp = { product: "revaxis", date: addDays(pregnancyStart, 30) };
    await add(herself.jade, dtp);
    await add(herself.lou, dtp);
    await add(herself.jade, { product: "boostrixtetra", date: addDays(pregnancyStart, 22 * 7), lot: "BTX-1" });

    const carnet = await seenByMother(carnetPage, "/espace/prevention/carnet");
    expect(carnet.jade).toContain("Revaxis (Diphtérie");
    expect(carnet.jade).not.toContain("BTX-1");
    expect(carnet.jade).toEqual(carnet.lou);
    const calendar = await seenByMother(preventionPage, "/espace/prevention");
    expect(calendar.jade).toEqual(calendar.lou);

    const own = await servePage(carnetPage, "/espace/prevention/carnet", { cookie: herself.jade.cookie });
    expect(own.html).toContain("BTX-1");
  });

  it("a dose dated before the pregnancy, or one the guardian adds, is not kept from the guardian", async () => {
    await add(herself.jade, { product: "repevax", date: addDays(pregnancyStart, -1) });
    await add(mother.jade, { product: "boostrixtetra", date: addDays(pregnancyStart, 23 * 7), lot: "BTX-MERE" });
    const carnet = await seenByMother(carnetPage, "/espace/prevention/carnet");
    expect(carnet.jade).toContain("Repevax (Diphtérie");
    expect(carnet.jade).toContain("BTX-MERE");
  });

  it("an RSV dose (Abrysvo, given in pregnancy: HAS, 13 June 2024) dated within it stays out of the guardian's carnet too", async () => {
    // Found attacking the carnet: only pertussis doses were labelled, and an Abrysvo dose at 16,
    // a vaccine given only in pregnancy or from 60, told her mother of the pregnancy all the same.
    await add(herself.jade, { product: "abrysvo", date: addDays(pregnancyStart, 25 * 7), lot: "ABR-1" });
    const carnet = await seenByMother(carnetPage, "/espace/prevention/carnet");
    expect(carnet.jade).not.toContain("ABR-1");
    // The product is named in the « Ajouter » form's list on both pages: as often for each sister.
    const named = (html: string) => html.split("Abrysvo").length;
    expect(named(carnet.jade)).toBe(named(carnet.lou));
    const own = await servePage(carnetPage, "/espace/prevention/carnet", { cookie: herself.jade.cookie });
    expect(own.html).toContain("ABR-1");
  });
});
