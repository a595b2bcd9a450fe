import { beforeAll, describe, expect, it } from "vitest";
import * as preventionPage from "@/pages/espace/prevention";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { aGuardianship } from "@/lib/fhir/builders/rules";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";
import { systemRepository } from "@/server/fhir/repository";
import { addDays, addYears, todayInParis } from "@/server/prevention/days";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, type SignedIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * Pertussis vaccination in pregnancy on the calendar page. Jade, 16, keeps her pregnancy (26
 * weeks today) secret from her mother: she reads the vaccination to do; her mother, in Jade's
 * space, reads the sentence every woman who is not pregnant reads, and nothing of a pregnancy.
 */
let jade: SignedIn;
let mother: SignedIn;
beforeAll(async () => {
  const system = await systemRepository("prevention-pregnancy-tests");
  const today = todayInParis();
  const minor = (await system.create(aPatient({ given: "Jade", family: "Morel", gender: "female", birthDate: addYears(today, -16) }))).id!;
  const parent = (await system.create(aPatient({ given: "Agnès", family: "Morel", birthDate: "1980-02-03" }))).id!;
  await system.create(aGuardianship({ patientId: minor, agentPatientId: parent, scopes: [] }));
  await system.create({
    ...aCondition({ patientId: minor, condition: { snomed: "77386006", display: "Pregnancy", label: "Grossesse" }, onset: addDays(today, -26 * 7) }),
    meta: { security: [{ system: SYSTEMS.privacyLabel, code: MINOR_SECRET }] },
  });
  jade = await signIn(`Patient/${minor}`, { name: "Jade Morel" });
  mother = await signIn(`Patient/${parent}`, { space: minor, name: "Agnès Morel" });
}, 120_000);

const page = async (cookie: string) => {
  const answer = await servePage(preventionPage, "/espace/prevention", { cookie });
  expect(answer.status).toBe(200);
  return answer.html!.replace(/&#x27;/g, "'");
};

describe("pertussis in pregnancy on the calendar (Pages Router)", () => {
  it("shows Jade the vaccination to do now, at 26 weeks, with why", async () => {
    const html = await page(jade.cookie);
    expect(html).toContain("Coqueluche pendant la grossesse");
    expect(html).toContain("(26 semaines d'aménorrhée) et aucune vaccination contre la coqueluche n'est enregistrée pendant cette grossesse");
  });

  it("shows her mother nothing of the pregnancy Jade keeps secret", async () => {
    const html = await page(mother.cookie);
    // (« une grossesse en cours » is among the flu's risks, in everyone's calendar: not hers.)
    expect(html).not.toContain("mentionne une grossesse");
    expect(html).not.toContain("semaines d'aménorrhée)");
    expect(html).toContain("La vaccination contre la coqueluche est recommandée aux femmes enceintes, à chaque grossesse");
  });
});
