import type { RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as relativePage from "@/pages/espace/proches/[id]";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { delegationsTick } from "@/server/delegations/delegations-tick";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { clock } from "./test-clock";
import { noticeOf, personWithAccount, postId } from "./world";

vi.mock("@/server/clock", () => import("./test-clock"));
// A database of its own: delegationsTick() claims every live accepted invitation of the database it
// runs on and gives it a fresh cancel secret. On the shared database it once took another file's
// invitation between that file's reading of its cancel link and its use (invitation-pages.test.ts
// failed in CI: "invalide" for a link it had just shown).
const db = useTestDatabase({ fresh: true });

/**
 * "Thirty days before the end, both are told and the patient can renew", for a delegation that
 * did not come from an invitation (made as the seed makes them: a RelatedPerson written by the
 * system). The delegations tick runs on the test clock; reruns send nothing twice (the notice is
 * keyed in the database, so a restarted process finds it too); the patient's notice links to the
 * page whose "Renouveler" works, and the renewed end is announced in its turn.
 */
const DAY = 24 * 3600 * 1000;
const today = () => parisDayOf(new Date());

type People = { patient: Awaited<ReturnType<typeof personWithAccount>>; caregiver: Awaited<ReturnType<typeof personWithAccount>> };
let people: People;
let system: Awaited<ReturnType<typeof systemRepository>>;
beforeAll(async () => {
  system = await systemRepository("ending-notice-tests");
  people = { patient: await personWithAccount(system, "Berthe", "Fin"), caregiver: await personWithAccount(system, "Remi", "Aidant") };
}, 120_000);
beforeEach(() => {
  clock.offsetMs = 0;
});

const notices = async (patientId: string) =>
  db().sql.query<{ link: string; dedupe_key: string }>("SELECT link, dedupe_key FROM notification WHERE patient_id = $1::uuid AND kind = 'delegation-ending' ORDER BY created_at", [patientId]);
const mailsTo = async (email: string) =>
  db().sql.query<{ subject: string; text_body: string }>("SELECT subject, text_body FROM email_outbox WHERE recipient = $1 AND kind = 'notification-delegation-ending'", [email]);

describe("the 'ends soon' notice of a delegation made without an invitation", () => {
  it("tells the patient and the caregiver once, thirty days before the end; the patient renews; the new end is told in its turn", async () => {
    const { patient, caregiver } = people;
    const lastDay = addDaysToDay(today(), 60);
    const delegation = await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: caregiver.patientId, scopes: ["documents:read"], start: addDaysToDay(today(), -300), end: lastDay }));

    // Sixty days before: nothing yet.
    await delegationsTick();
    expect(await notices(patient.patientId)).toHaveLength(0);
    expect(await notices(caregiver.patientId)).toHaveLength(0);

    // Twenty-nine days before: both are told, the patient's notice opens the delegation's page.
    clock.offsetMs = 31 * DAY;
    await delegationsTick();
    const [toPatient] = await notices(patient.patientId);
    expect(toPatient?.link).toBe(`/espace/proches/${delegation.id}`);
    expect(await notices(caregiver.patientId)).toHaveLength(1);
    expect(await mailsTo(patient.email)).toHaveLength(1);
    expect(await mailsTo(caregiver.email)).toHaveLength(1);
    // No name in the subject (SECURITY-CASES 52).
    for (const mail of [...(await mailsTo(patient.email)), ...(await mailsTo(caregiver.email))]) {
      expect(mail.subject).not.toMatch(/Berthe|Remi|Fin|Aidant/);
    }

    // The notice's page, as the patient's browser gets it: the delegation with its "Renouveler" form.
    const page = (await servePage(relativePage, toPatient!.link, { cookie: patient.session.cookie, params: { id: delegation.id! } })).html;
    expect(page).toContain(`action="/api/proches/${delegation.id}/renouveler"`);

    // Reruns (or a restarted job): still once each.
    await delegationsTick();
    clock.offsetMs = 40 * DAY;
    await delegationsTick();
    expect(await notices(patient.patientId)).toHaveLength(1);
    expect(await notices(caregiver.patientId)).toHaveLength(1);
    expect(await mailsTo(caregiver.email)).toHaveLength(1);

    // The patient renews from the notice's page: one more year from the (test) today. A later
    // end is more than she granted, so it waits out the 24-hour pause like any widening
    // (access/delegation-widening.ts) unless she confirms it.
    expect(noticeOf(await postId("renouveler", delegation.id!, {}, patient.session.cookie))).toBe("en-pause");
    const renewed = (await db().prisma.resource.findFirst({ where: { id: delegation.id! } }))?.content as unknown as RelatedPerson;
    expect(renewed.period?.end && renewed.period.end > addDaysToDay(lastDay, 300)).toBe(true);
    expect(Date.parse(renewed.period!.start!)).toBeGreaterThan(Date.now() + clock.offsetMs + 23 * 3600 * 1000);
    await delegationsTick();
    expect(await notices(patient.patientId)).toHaveLength(1);

    // Thirty days before the renewed end, a new notice for both.
    const renewedEnd = Date.parse(`${renewed.period!.end!.slice(0, 10)}T12:00:00Z`);
    clock.offsetMs = renewedEnd - Date.now() - 20 * DAY;
    await delegationsTick();
    expect(await notices(patient.patientId)).toHaveLength(2);
    expect(await notices(caregiver.patientId)).toHaveLength(2);
  });

  it("says nothing for a revoked delegation, one already ended, or a guardian's tie", async () => {
    const { patient } = people;
    const revoked = await personWithAccount(system, "Ancien", "Aidant");
    const ended = await personWithAccount(system, "Passe", "Aidant");
    const guardian = await personWithAccount(system, "Tutrice", "Legale");
    await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: revoked.patientId, scopes: ["documents:read"], end: addDaysToDay(today(), 10), active: false }));
    await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: ended.patientId, scopes: ["documents:read"], end: addDaysToDay(today(), -1) }));
    await system.create(aGuardianship({ patientId: patient.patientId, agentPatientId: guardian.patientId, scopes: [], end: addDaysToDay(today(), 10) }));
    await delegationsTick();
    await delegationsTick();
    for (const agent of [revoked, ended, guardian]) expect(await notices(agent.patientId)).toHaveLength(0);
  });
});
