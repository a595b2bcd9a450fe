import { beforeAll, describe, expect, it } from "vitest";
import { aDelegation } from "@/lib/fhir/builders/rules";
import * as sharingPage from "@/pages/espace/partage";
import { servePage } from "../pages/pages-route";
import { useTestDatabase } from "../../setup/test-database";
import { buildPrivacyWorld, noticeOf, post, type PrivacyWorld } from "./world";

useTestDatabase();

/**
 * « En un coup d'œil » says the last day of a time-limited authorisation is included, as the form
 * that set it does (« Le dernier jour est inclus ») and as invitations and delegations do
 * (« jusqu'au … inclus »): walking the page, an authorisation until the last day of a month read
 * « jusqu'au 31 décembre 2026. », and a French reader may well take the 31st as the first day
 * without access. The access does last through that day in Paris (endOfParisDay).
 */
const lastDayOfNextMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0));
};
const inFrench = (day: Date) => `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
const glanceOf = async (cookie: string) => {
  const page = (await servePage(sharingPage, "/espace/partage", { cookie })).html!.replace(/&#x27;/g, "'");
  return /<section aria-labelledby="glance-title"[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
};
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

let world: PrivacyWorld;
beforeAll(async () => {
  world = await buildPrivacyWorld();
}, 120_000);

describe("an authorisation until the last day of a month", () => {
  it("reads, at a glance, as lasting through that day", async () => {
    // The last day of next month: always ahead, and always a month's last day (28 to 31).
    const last = lastDayOfNextMonth();
    const day = last.toISOString().slice(0, 10);
    expect(noticeOf(await post("autoriser", { praticien: world.beta, niveau: "N", jusqu_au: day }, { cookie: world.sessions.camille.cookie }))).toBe("autorise");
    expect(await glanceOf(world.sessions.camille.cookie)).toContain(
      `Dr Bruno Bêta (cardiologue) peut voir vos documents, sauf ceux que vous avez masqués et ceux dont l'accès est restreint, jusqu'au ${inFrench(last)} inclus.`,
    );
  });

  it("of a relative's delegation, at a glance, is that day, not the day after", async () => {
    // A delegation ends on a plain day, kept to its last millisecond (fhirExpiry: 00:00 the day
    // after). Walking the page, the glance said the day after, where « Proches » said the day.
    const last = lastDayOfNextMonth();
    const day = last.toISOString().slice(0, 10);
    const person = await world.system.create(
      aDelegation({ patientId: world.camilleId, agentPatientId: world.helperId, agentName: { given: "Irène", family: "Fin" }, scopes: ["documents:read"], end: day }),
    );
    try {
      expect(await glanceOf(world.sessions.camille.cookie)).toContain(`Irène Fin peut agir pour vous : voir vos documents, jusqu'au ${inFrench(last)} inclus.`);
    } finally {
      await world.system.update({ ...person, active: false });
    }
  });
});
