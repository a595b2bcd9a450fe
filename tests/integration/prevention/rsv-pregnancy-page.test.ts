import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as preventionPage from "@/pages/espace/prevention";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { addToCarnet, pageText } from "./calendar-page";

useTestDatabase();

/**
 * A woman 33 weeks pregnant (since 20 April 2026) on 7 December 2026, in the 2026-2027 RSV
 * campaign whose dates are only foreseen: her prevention page asks for the maternal RSV vaccine
 * and, once she adds Abrysvo to her carnet, says when the baby does not need the antibody. Read
 * as she reads it: one level of parentheses (the reason used to close two at once, « …à
 * confirmer)) ; »), and the condition on the 14 days said as a condition (it was a participle
 * with no subject, « Faite au moins 14 jours avant la naissance, le bébé… »). The server's clock
 * only is moved (Date).
 */
let nadia: SignedIn;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T10:00:00+01:00"));
  warmUpValidator();
  const system = await systemRepository("rsv-pregnancy-tests");
  const id = (await system.create(aPatient({ given: "Nadia", family: "Benali", birthDate: "1992-11-25" }))).id!;
  await system.create(aCondition({ patientId: id, condition: { snomed: "77386006", display: "Pregnancy", label: "Grossesse" }, onset: "2026-04-20" }));
  nadia = await signIn(`Patient/${id}`, { name: "Nadia Benali" });
}, 120_000);
afterAll(() => {
  vi.useRealTimers();
});

async function reasonOfRsvItem(): Promise<string> {
  const answer = await servePage(preventionPage, "/espace/prevention", { cookie: nadia.cookie });
  expect(answer.status).toBe(200);
  const item = /<li[^>]*data-item="RSV_PREGNANCY"[^]*?<\/li>/.exec(answer.html!)?.[0];
  expect(item).toBeDefined();
  return pageText(item!);
}

describe("the maternal RSV vaccine on a pregnant woman's prevention page, in words", () => {
  it("asks for it now, until the end of the 36th week, within one level of parentheses", async () => {
    const reason = await reasonOfRsvItem();
    expect(reason).toContain(
      "aucune vaccination contre le VRS n'est enregistrée pendant cette grossesse : elle est proposée maintenant, jusqu'au 3 janvier 2027, entre 32 et 36 semaines d'aménorrhée et pendant la campagne contre le VRS 2026-2027 (du 1er septembre 2026 au 28 février 2027, dates prévisionnelles à confirmer) ; elle protège le bébé",
    );
    expect(reason).not.toContain("))");
  });

  it("once Abrysvo is in her carnet, says under which condition the baby needs no antibody", async () => {
    expect(await addToCarnet(nadia.cookie, "abrysvo", "2026-12-05")).toBe("/espace/prevention/carnet?message=ajoute");

    const reason = await reasonOfRsvItem();
    expect(reason).toContain(
      "la vaccination contre le VRS est enregistrée le 5 décembre 2026, pendant cette grossesse. Si elle a été faite au moins 14 jours avant la naissance, le bébé n'a pas besoin de l'anticorps (nirsévimab).",
    );
  });
});
