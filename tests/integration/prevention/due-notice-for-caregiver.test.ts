import type { Condition } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { POST as openRoute } from "@/app/api/notifications/[id]/ouvrir/route";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { SYSTEMS } from "@/lib/fhir/systems";
import { database } from "@/server/db/client";
import { systemRepository } from "@/server/fhir/repository";
import { runPreventionTick } from "@/server/prevention/daily/run-prevention-tick";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, warmUpValidator } from "../fhir-api/http";
import { formPost, params } from "../prescriptions/http";

// A database of its own: the job notifies every person in it (as daily-tick.test.ts says why).
const db = useTestDatabase({ fresh: true });

/**
 * A « prévention à prévoir » notice says nothing of the record (its words are the same for every
 * item), but « Voir » led to its item's card (/espace/prevention#item-pertussis_pregnancy-title),
 * and a caregiver who reads the person's notices (the history right) opens them too. Found by the
 * attack round: Clara's caregiver, who may not read her record, nor ever what she marked secret
 * (V), learnt of her secret pregnancy from where the notice led. A caregiver is now taken to the
 * prevention page, which shows her only what she may see; Clara still lands on the item's card.
 */
describe("a « prévention à prévoir » notice opened by a caregiver", () => {
  it("leads to the prevention page, not to the item the person's record made due", async () => {
    warmUpValidator();
    const system = await systemRepository("due-notice-caregiver-test");
    const clara = (await system.create(aPatient({ given: "Clara", family: "Secret", birthDate: "1994-02-11", gender: "female" }))).id!;
    const friend = (await system.create(aPatient({ given: "Rose", family: "Amie", birthDate: "1990-01-01", gender: "female" }))).id!;
    const pregnancy = { snomed: "77386006", display: "Pregnancy", label: "Grossesse" };
    const secret = { security: [{ system: SYSTEMS.confidentiality, code: "V" }] };
    const onset = new Date(Date.now() - 26 * 7 * 86_400_000).toISOString().slice(0, 10);
    await system.create<Condition>({ ...aCondition({ patientId: clara, condition: pregnancy, onset }), meta: secret });
    await system.create(aDelegation({ patientId: clara, agentPatientId: friend, scopes: ["audit:read"], start: new Date(Date.now() - 86_400_000).toISOString() }));
    const own = await signIn(`Patient/${clara}`, { name: "Clara Secret" });
    const caregiver = await signIn(`Patient/${friend}`, { space: clara, name: "Rose Amie" });
    await runPreventionTick((await database()).sql, new Date(), 50);

    const notices = await db().prisma.notification.findMany({ where: { patientId: clara, kind: "prevention-due" } });
    expect(notices.some((notice) => (notice.link ?? "").includes("pregnancy"))).toBe(true);
    const open = async (cookie: string, id: string) => {
      const request = formPost(`/api/notifications/${id}/ouvrir`, {}, { cookie });
      const opened = await inRequestScope(request, () => openRoute(request, params({ id })));
      expect(opened.status).toBe(303);
      return opened.headers.get("location")!;
    };
    for (const notice of notices) expect(await open(caregiver.cookie, notice.id)).toBe("/espace/prevention");
    for (const notice of notices) expect(await open(own.cookie, notice.id)).toBe(notice.link);
  });
});
