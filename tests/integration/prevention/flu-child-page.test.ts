import type { Immunization } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as carnetPage from "@/pages/espace/prevention/carnet";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { addToCarnet, calendarOf, groupOf, motherInChildSpace, pageText } from "./calendar-page";

useTestDatabase();

/**
 * A healthy boy of 9 (the demo's Léo, born on 10 September 2016) seen by his mother on 10
 * December 2025, in the 2025-2026 flu campaign (14 October 2025 to 31 January 2026): flu
 * vaccination is offered every year to every child from 2 to 17 years (HAS, February 2023;
 * fr-2025-sources.ts), so the calendar asks for it, says why, and takes the nasal vaccine the
 * HAS prefers in the carnet. Before, it said « Non concerné ». The server's clock only is moved.
 */
let camille: { cookie: string };
let leo: string;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-12-10T10:00:00+01:00"));
  const opened = await motherInChildSpace({ given: "Léo", gender: "male", birthDate: "2016-09-10" });
  camille = { cookie: opened.cookie };
  leo = opened.childId;
}, 120_000);
afterAll(() => {
  vi.useRealTimers();
});

const calendar = () => calendarOf(camille.cookie);

describe("flu vaccination of a healthy child, on his prevention page", () => {
  it("is to do now during the campaign, and says it is offered to every child from 2 to 17", async () => {
    const page = await calendar();
    expect(groupOf(page, "Grippe saisonnière")).toBe("À faire maintenant");
    expect(page).toContain(
      "Léo a 9 ans (la vaccination contre la grippe est proposée chaque année aux enfants de 2 à 17 ans, de préférence en pulvérisation nasale) ; aucune dose n'est enregistrée : la vaccination est recommandée pendant la campagne 2025-2026 (du 14 octobre 2025 au 31 janvier 2026).",
    );
    // COVID-19 is not offered to a healthy child.
    expect(groupOf(page, "COVID-19")).toBe("Le reste du calendrier");
  });

  it("the carnet offers the nasal vaccine, and once his mother adds it the calendar has it up to date", async () => {
    const carnet = await servePage(carnetPage, "/espace/prevention/carnet", { cookie: camille.cookie });
    expect(pageText(carnet.html!)).toContain("Fluenz — Grippe saisonnière (vaccin nasal, enfants de 2 à 17 ans)");

    expect(await addToCarnet(camille.cookie, "fluenz", "2025-11-05")).toBe("/espace/prevention/carnet?message=ajoute");
    const shots = (await (await systemRepository("flu-child-check")).search<Immunization>("Immunization", { patientId: leo, count: 10 })).resources;
    expect(shots.map((s) => s.vaccineCode?.coding?.[0]?.code)).toEqual(["J07BB03"]);

    const page = await calendar();
    expect(groupOf(page, "Grippe saisonnière")).toBe("À jour");
    expect(page).toContain("vaccination enregistrée le 5 novembre 2025, pendant la campagne 2025-2026");
  });
});
