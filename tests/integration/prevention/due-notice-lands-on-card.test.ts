import { describe, expect, it } from "vitest";
import { POST as openRoute } from "@/app/api/notifications/[id]/ouvrir/route";
import * as preventionPage from "@/pages/espace/prevention";
import { aPatient } from "@/lib/fhir/builders/people";
import { database } from "@/server/db/client";
import { systemRepository } from "@/server/fhir/repository";
import { runPreventionTick } from "@/server/prevention/daily/run-prevention-tick";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, warmUpValidator } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { formPost, params } from "../prescriptions/http";

// A database of its own: the job notifies every person in it (as daily-tick.test.ts says why).
const db = useTestDatabase({ fresh: true });

/**
 * « Un rendez-vous de prévention est à prévoir », once per item due: Jean, 76, had five of them,
 * the same words each, and « Voir » opened the top of the prevention page for all five (found by
 * the walk of the notifications). Each now leads to its own item's card, whose heading the page
 * names by the same id; the words of the notice stay the same (they say nothing of the record).
 */
describe("a « prévention à prévoir » notice", () => {
  it("opens the prevention page at its own item's card", async () => {
    warmUpValidator();
    const system = await systemRepository("due-notice-card-test");
    const id = (await system.create(aPatient({ given: "Jean", family: "Carte", birthDate: "1950-06-02", gender: "male" }))).id!;
    const jean = await signIn(`Patient/${id}`, { name: "Jean Carte" });
    await runPreventionTick((await database()).sql, new Date(), 50);

    const notices = await db().prisma.notification.findMany({ where: { patientId: id, kind: "prevention-due" } });
    expect(notices.length).toBeGreaterThan(1);
    const page = (await servePage(preventionPage, "/espace/prevention", { cookie: jean.cookie })).html!;
    const landings = new Set<string>();
    for (const notice of notices) {
      const request = formPost(`/api/notifications/${notice.id}/ouvrir`, {}, { cookie: jean.cookie });
      const opened = await inRequestScope(request, () => openRoute(request, params({ id: notice.id })));
      expect(opened.status).toBe(303);
      const landing = opened.headers.get("location")!;
      expect(landing).toMatch(/^\/espace\/prevention#item-[a-z0-9_]+-title$/);
      // The card is on the page, by that id: its heading.
      expect(page).toMatch(new RegExp(`<h3 id="${landing.split("#")[1]}"`));
      landings.add(landing);
    }
    expect(landings.size).toBe(notices.length);
  });
});
