import { beforeAll, describe, expect, it } from "vitest";
import * as preventionPage from "@/pages/espace/prevention";
import { aPatient } from "@/lib/fhir/builders/people";
import { aGuardianship } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { addMonths, addYears, todayInParis } from "@/server/prevention/days";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, type SignedIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * « Le reste du calendrier » listed « Coqueluche pendant la grossesse » to everyone, a man and a
 * baby too. It is listed now for women of childbearing age only (concerns-person.ts).
 */
let sessions: { man: SignedIn; baby: SignedIn; woman: SignedIn };
beforeAll(async () => {
  const system = await systemRepository("prevention-pregnancy-listing-tests");
  const today = todayInParis();
  const man = (await system.create(aPatient({ given: "Paul", family: "Petit", gender: "male", birthDate: addYears(today, -34) }))).id!;
  const woman = (await system.create(aPatient({ given: "Lina", family: "Petit", gender: "female", birthDate: addYears(today, -32) }))).id!;
  const baby = (await system.create(aPatient({ given: "Emma", family: "Petit", gender: "female", birthDate: addMonths(today, -4) }))).id!;
  await system.create(aGuardianship({ patientId: baby, agentPatientId: woman, scopes: [] }));
  sessions = {
    man: await signIn(`Patient/${man}`, { name: "Paul Petit" }),
    woman: await signIn(`Patient/${woman}`, { name: "Lina Petit" }),
    baby: await signIn(`Patient/${woman}`, { space: baby, name: "Lina Petit" }),
  };
}, 120_000);

const rest = async (session: SignedIn): Promise<string> => {
  const answer = await servePage(preventionPage, "/espace/prevention", { cookie: session.cookie });
  expect(answer.status).toBe(200);
  const html = answer.html!.replace(/&#x27;/g, "'");
  const start = html.indexOf("Le reste du calendrier");
  expect(start).toBeGreaterThan(-1);
  return html.slice(start);
};

describe("« Coqueluche pendant la grossesse » in the rest of the calendar", () => {
  it("is not listed in a man's calendar nor in a baby's", async () => {
    expect(await rest(sessions.man)).not.toContain("Coqueluche pendant la grossesse");
    expect(await rest(sessions.baby)).not.toContain("Coqueluche pendant la grossesse");
  });

  it("is listed, as information, in a woman's of 32", async () => {
    const page = await rest(sessions.woman);
    expect(page).toContain("Coqueluche pendant la grossesse");
    expect(page).toContain("La vaccination contre la coqueluche est recommandée aux femmes enceintes");
  });
});
