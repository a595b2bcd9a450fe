import { beforeAll, describe, expect, it } from "vitest";
import { POST as reminders } from "@/app/(patient)/espace/prevention/rappels/route";
import * as preventionPage from "@/pages/espace/prevention";
import * as bilanPage from "@/pages/espace/prevention/bilan";
import * as recordPage from "@/pages/espace/prevention/carnet";
import * as certificatePage from "@/pages/espace/prevention/carnet/certificat";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition, anImmunization, CONDITIONS, VACCINES } from "@/lib/fhir/builders/record";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import { systemRepository } from "@/server/fhir/repository";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, signIn, type SignedIn } from "../fhir-api/http";
import { servePage, type PagesModule } from "./pages-route";

useTestDatabase();

/**
 * Jean (born 1950, diabetic, his pneumococcal vaccine done in 2022), his caregiver Camille with
 * the rights the demo gives her (no « voir mes vaccinations et antécédents », record:read), who
 * is also Léo's mother; Nadia, his caregiver with record:read; Paul, his caregiver who manages
 * his sharing settings (privacy:manage) and does not see his record.
 */
let sessions: Record<"jean" | "camille" | "camilleForJean" | "camilleForLeo" | "nadiaForJean" | "paulForJean", SignedIn>;
beforeAll(async () => {
  const system = await systemRepository("prevention-caregiver-tests");
  const patient = async (given: string, birthDate: string) => (await system.create(aPatient({ given, family: "Rappel", gender: "male", birthDate }))).id!;
  const [jean, camille, leo, nadia, paul] = [
    await patient("Jean", "1950-06-02"),
    await patient("Camille", "1985-03-14"),
    await patient("Léo", "2016-09-10"),
    await patient("Nadia", "1992-11-25"),
    await patient("Paul", "1975-01-20"),
  ];
  await system.create(aCondition({ patientId: jean, condition: CONDITIONS.diabetes2, onset: "2008-03-01" }));
  await system.create(anImmunization({ patientId: jean, vaccine: VACCINES.pneumo20, date: "2022-11-07T10:00:00+01:00" }));
  await system.create(aDelegation({ patientId: jean, agentPatientId: camille, scopes: ["documents:read", "prescriptions:read", "prescriptions:share", "messages:write"] }));
  await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["record:read"] }));
  await system.create(aDelegation({ patientId: jean, agentPatientId: paul, scopes: ["privacy:manage"] }));
  await system.create(aGuardianship({ patientId: leo, agentPatientId: camille, scopes: [] }));
  sessions = {
    jean: await signIn(`Patient/${jean}`, { name: "Jean Rappel" }),
    camille: await signIn(`Patient/${camille}`, { name: "Camille Rappel" }),
    camilleForJean: await signIn(`Patient/${camille}`, { space: jean, name: "Camille Rappel" }),
    camilleForLeo: await signIn(`Patient/${camille}`, { space: leo, name: "Camille Rappel" }),
    nadiaForJean: await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Rappel" }),
    paulForJean: await signIn(`Patient/${paul}`, { space: jean, name: "Paul Rappel" }),
  };
}, 120_000);

async function page(module: unknown, path: string, who: keyof typeof sessions): Promise<string> {
  const answer = await servePage(module as PagesModule<Record<string, unknown>>, path, { cookie: sessions[who].cookie });
  expect(answer.status, path).toBe(200);
  return answer.html!.replace(/&#x27;/g, "'");
}

describe("prevention in a caregiver's space whose delegation does not reach the record", () => {
  it("gives no calendar worked out from a history the caregiver cannot see, and says why", async () => {
    const html = await page(preventionPage, "/espace/prevention", "camilleForJean");
    expect(html).toContain(t("outOfReach.record"));
    // Not the false « À faire maintenant (dose 1) » of a vaccine Jean had in 2022, nor any to-do.
    expect(html).not.toContain("Pneumocoque");
    expect(html).not.toContain("À faire maintenant");
    expect(html).not.toContain("Rien d'enregistré pour le moment");
    // Camille's own son is not Jean's: his calendar is offered in her own space only.
    expect(html).not.toContain("Le calendrier de vos enfants");
    expect(html).not.toContain("Léo");
  });

  it("says the vaccinations are not visible, rather than that there are none, in the record and the certificate", async () => {
    const record = await page(recordPage, "/espace/prevention/carnet", "camilleForJean");
    expect(record).toContain(t("outOfReach.record"));
    expect(record).not.toContain("Aucune vaccination enregistrée");
    expect(record).not.toContain('href="/espace/prevention/carnet/certificat"');
    const certificate = await page(certificatePage, "/espace/prevention/carnet/certificat", "camilleForJean");
    expect(certificate).toContain(t("outOfReach.record"));
    expect(certificate).not.toContain("Aucune vaccination enregistrée");
    expect(certificate).not.toContain("Édité le");
  });

  it("does not say no questionnaire was filled in, where the questionnaires are out of the delegation's reach", async () => {
    const bilan = await page(bilanPage, "/espace/prevention/bilan", "camilleForJean");
    expect(bilan).toContain("Questionnaires déjà remplis");
    expect(bilan).toContain(t("outOfReach.record"));
    expect(bilan).not.toContain("Aucun pour le moment.");
    const own = await page(bilanPage, "/espace/prevention/bilan", "nadiaForJean");
    expect(own).toContain("Aucun pour le moment.");
    expect(own).not.toContain(t("outOfReach.record"));
  });

  it("still gives the calendar to Jean and to a caregiver who may see his record, and Camille her son's in her own space", async () => {
    for (const who of ["jean", "nadiaForJean"] as const) {
      const html = await page(preventionPage, "/espace/prevention", who);
      expect(html, who).toContain("Pneumocoque (vaccin conjugué 20-valent)");
      expect(html, who).not.toContain(t("outOfReach.record"));
      expect(html, who).not.toContain("Le calendrier de vos enfants");
      expect(await page(recordPage, "/espace/prevention/carnet", who), who).toContain("Pneumocoque conjugué 20-valent");
    }
    const own = await page(preventionPage, "/espace/prevention", "camille");
    expect(own).toContain("Le calendrier de vos enfants");
    expect(own).toContain("Léo Rappel");
  });
});

describe("the prevention messages' choice in a caregiver's space", () => {
  const SECTION = "Messages de prévention";
  const STOP = "Ne plus recevoir aucun message de prévention";

  async function stopAll(who: keyof typeof sessions): Promise<string | null> {
    const request = new Request(`${appUrl()}/espace/prevention/rappels`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: sessions[who].cookie },
      body: new URLSearchParams({ theme: "all", action: "silence" }),
    });
    return (await inRequestScope(request, () => reminders(request))).headers.get("location");
  }

  it("is left out for a caregiver who may neither read nor make it, rather than a button refused and a guess", async () => {
    for (const who of ["camilleForJean", "nadiaForJean"] as const) {
      const html = await page(preventionPage, "/espace/prevention", who);
      expect(html, who).not.toContain(SECTION);
      expect(html, who).not.toContain(STOP);
      expect(html, who).not.toContain("reçoit un message");
      // The button they were offered: refused, since the choice is a Consent (privacy:manage).
      expect(await stopAll(who), who).toBe("/espace/prevention?message=refuse");
    }
  });

  it("is offered to a caregiver who manages the sharing settings, without saying a calendar the page does not show stays visible", async () => {
    let html = await page(preventionPage, "/espace/prevention", "paulForJean");
    expect(html).toContain("Jean Rappel reçoit un message quand une vaccination ou un dépistage devient à faire.</p>");
    expect(html).toContain(STOP);
    expect(html).not.toContain("Le calendrier reste visible");
    expect(await stopAll("paulForJean")).toBe("/espace/prevention?message=rappels");
    html = await page(preventionPage, "/espace/prevention", "paulForJean");
    expect(html).toContain("Les messages de prévention de Jean Rappel sont arrêtés.</p>");
    expect(html).not.toContain("Le calendrier reste visible");
    expect(await page(preventionPage, "/espace/prevention", "jean")).toContain("Vous avez choisi de ne plus recevoir de messages de prévention. Le calendrier reste visible sur cette page.");
  });

  it("tells a guardian where her child's reminders arrive, not that a ten-year-old without an account receives them", async () => {
    const html = await page(preventionPage, "/espace/prevention", "camilleForLeo");
    expect(html).toContain(STOP);
    expect(html).not.toContain("Léo Rappel reçoit un message");
    expect(html).toContain(
      "Quand une vaccination ou un dépistage devient à faire pour Léo Rappel, un message arrive dans son espace : vous le trouvez dans vos notifications. Le calendrier reste visible sur cette page.</p>",
    );
  });
});
