import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { KIND_INFO } from "@/lib/notifications/kinds";
import * as notificationsPage from "@/pages/espace/notifications";
import { endProtectionMeasure } from "@/server/guardianship/end-protection-measure";
import { runMeasuresEndingTick } from "@/server/guardianship/measures-ending-tick";
import { useTestDatabase } from "../../setup/test-database";
import { sessionOf } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { personWithAccount } from "../delegations/world";
import { measureWorld } from "./world";

// A database of its own: the measures' tick reads every measure in the database it runs on.
useTestDatabase({ fresh: true });

const list = async (cookie: string, address: string) =>
  ((await servePage(notificationsPage, "/espace/notifications", { cookie, address, framed: true })).html ?? "").replaceAll("&#x27;", "'").replaceAll("<!-- -->", "");

/**
 * The representative's notices of his measure (recorded, ending soon, ended) are his own, not his
 * space's: Ana, his neighbour, reads the notices of his space by her history right, and read
 * « Une mesure de protection concernant Paul Tuteur a été enregistrée », as if a judge had
 * placed him under protection (the measure is Inès's). Through the assistance's commands, the
 * measures' daily tick and the notifications page as each of them loads it.
 */
describe("the notices of a protection measure to the representative", () => {
  it("are his alone: a caregiver who reads his space's notices does not read that a measure concerns him", async () => {
    const { system, ines, paul } = await measureWorld("measure-notices-representative", 30);
    const ana = await personWithAccount(system, "Ana", "Voisine", "female");
    await system.create(aDelegation({ patientId: paul.patientId, agentPatientId: ana.patientId, agentName: { given: "Ana", family: "Voisine" }, scopes: ["audit:read"], end: addDaysToDay(parisDayOf(new Date()), 60) }));
    expect((await runMeasuresEndingTick(new Date())).told).toBe(1);
    expect((await endProtectionMeasure({ adultEmail: ines.email, representativeEmail: paul.email, now: new Date() })).ok).toBe(true);

    const anas = await list((await sessionOf(ana.account, paul.patientId)).cookie, "10.0.65.21");
    expect(anas).toContain("Paul Tuteur");
    expect(anas).not.toContain("Une mesure de protection");
    // He reads all three, in his own list; she reads hers.
    const pauls = await list(paul.session.cookie, "10.0.65.22");
    const ineses = await list(ines.session.cookie, "10.0.65.23");
    for (const kind of ["protection-measure-set", "protection-measure-ending", "protection-measure-ended"] as const) {
      expect(pauls, kind).toContain(KIND_INFO[kind].text);
      expect(ineses, kind).toContain(KIND_INFO[kind].text);
    }
  });
});
