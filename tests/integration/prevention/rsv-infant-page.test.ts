import type { Immunization } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as carnetPage from "@/pages/espace/prevention/carnet";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { addToCarnet, calendarOf, groupOf, motherInChildSpace, pageText } from "./calendar-page";

useTestDatabase();

/**
 * A baby of the demo's family (Camille Martin's daughter, born on 20 October 2025) seen by her
 * mother on 10 December 2025, in the 2025-2026 RSV campaign (1 September 2025 to 20 February
 * 2026): the calendar asks for her protection against bronchiolitis, saying that the mother's own
 * vaccination, if she chose it, is not in the baby's record; the carnet adds Beyfortus, worded as
 * the antibody it is; once added, the calendar reads it. The server's clock only is moved (Date).
 */
let camille: { cookie: string };
let lina: string;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-12-10T10:00:00+01:00"));
  const opened = await motherInChildSpace({ given: "Lina", gender: "female", birthDate: "2025-10-20" });
  camille = { cookie: opened.cookie };
  lina = opened.childId;
}, 120_000);
afterAll(() => {
  vi.useRealTimers();
});

const calendar = () => calendarOf(camille.cookie);

describe("bronchiolitis (RSV) protection of a baby in her first season, on the prevention page", () => {
  it("is to do now, says why, and says that a vaccination of the mother is not in the baby's record", async () => {
    const page = await calendar();
    expect(groupOf(page, "Protection contre la bronchiolite (VRS)")).toBe("À faire maintenant");
    expect(page).toContain("Lina a 1 mois : c'est la première saison de circulation du VRS (le principal virus de la bronchiolite) pour Lina et aucune dose d'anticorps (nirsévimab) n'est enregistrée.");
    // The dose is named again: « Elle est recommandée » after « aucune dose … » read as Lina.
    expect(page).toContain("Une dose est recommandée maintenant, pendant la campagne contre le VRS 2025-2026 (du 1er septembre 2025 au 20 février 2026).");
    expect(page).toContain("Sauf si la mère a été vaccinée contre le VRS pendant la grossesse");
  });

  it("the carnet offers Beyfortus as an antibody, and once her mother adds it the calendar has it up to date", async () => {
    const carnet = await servePage(carnetPage, "/espace/prevention/carnet", { cookie: camille.cookie });
    expect(pageText(carnet.html!)).toContain("Beyfortus — Anticorps nirsévimab contre la bronchiolite à VRS, pas un vaccin");

    expect(await addToCarnet(camille.cookie, "beyfortus", "2025-10-22")).toBe("/espace/prevention/carnet?message=ajoute");
    const shots = (await (await systemRepository("rsv-infant-check")).search<Immunization>("Immunization", { patientId: lina, count: 10 })).resources;
    expect(shots.map((s) => s.vaccineCode?.coding?.[0]?.code)).toEqual(["J06BD08"]);

    const page = await calendar();
    expect(groupOf(page, "Protection contre la bronchiolite (VRS)")).toBe("À jour");
    expect(page).toContain("La protection contre la bronchiolite à VRS (anticorps nirsévimab) est enregistrée le 22 octobre 2025.");
  });
});
