import { describe, expect, it } from "vitest";
import * as relativesPage from "@/pages/espace/proches";
import { aPatient } from "@/lib/fhir/builders/people";
import { aGuardianship } from "@/lib/fhir/builders/rules";
import { addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();
const plain = (html: string | undefined) => (html ?? "").replace(/<!-- -->/g, "").replaceAll("&#x27;", "'");

/**
 * « Dernier jour de la délégation », in a space one represents: the date picker stops at the
 * representation's last day (the day before the child's 18th birthday here), and its hint says that
 * day, where it said « trois ans au plus » (found by the protection measure's end-to-end walk).
 */
describe("the invitation's last day, in a space one represents", () => {
  it("says the representation's last day to a parent whose child comes of age within three years, and the usual bound in one's own space", async () => {
    const system = await systemRepository("invite-last-day-hint-tests");
    const mother = await personWithAccount(system, "Iris", "Borne");
    // 18 in a year and a half: her last day as his representative is the day before.
    const birth = addMonthsToDay(parisDayOf(new Date()), -(18 * 12 - 18));
    const child = (await system.create(aPatient({ given: "Hugo", family: "Borne", birthDate: birth }))).id!;
    await system.create(aGuardianship({ patientId: child, agentPatientId: mother.patientId, scopes: [] }));
    const inHis = await signIn(`Patient/${mother.patientId}`, { space: child, name: "Iris Borne" });
    const page = plain((await servePage(relativesPage, "/espace/proches", { cookie: inHis.cookie })).html);
    const lastDay = page.match(/name="fin"[^>]*max="(\d{4}-\d{2}-\d{2})"|max="(\d{4}-\d{2}-\d{2})"[^>]*name="fin"/);
    const max = lastDay?.[1] ?? lastDay?.[2];
    expect(max).toBeDefined();
    expect(max! < addMonthsToDay(parisDayOf(new Date()), 36)).toBe(true);
    expect(page).toMatch(/Inclus\. Au plus tard le \d{1,2}(er)? \p{L}+ \d{4}, dernier jour où vous représentez cette personne\./u);
    expect(page).not.toContain("trois ans au plus");

    const own = plain((await servePage(relativesPage, "/espace/proches", { cookie: mother.session.cookie })).html);
    expect(own).toContain("Inclus. Un an par défaut, trois ans au plus.");
  });
});
