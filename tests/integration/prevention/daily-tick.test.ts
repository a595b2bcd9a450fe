import { describe, expect, it } from "vitest";
import { database } from "@/server/db/client";
import { systemRepository } from "@/server/fhir/repository";
import { runPreventionTick } from "@/server/prevention/daily/run-prevention-tick";
import { silence } from "@/server/prevention/preferences";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";
import { useTestDatabase } from "../../setup/test-database";
import { anAccountFor, warmUpValidator } from "../fhir-api/http";

// A database of its own: the job reads every person in it and notifies them; on the shared
// server database it would write notices and trail rows into other files' patients (a
// prevention notice once landed in events-notify's count for Camille).
const db = useTestDatabase({ fresh: true });

/**
 * The daily prevention job through the real database: a person of 76 with nothing recorded has
 * vaccinations due, each notified once (and e-mailed, without a word of health); a second run,
 * the same day or the next, notifies nothing new; someone who said "Ne plus me le rappeler"
 * gets nothing; a record without a birth date is skipped; each person evaluated has one audit
 * row of the system in their trail.
 */
const NOW = new Date("2026-12-01T09:00:00Z");

describe("the daily prevention job", () => {
  it("notifies each new due item once, respects the choice to stop, and leaves a trace", async () => {
    warmUpValidator();
    const system = await systemRepository("prevention-tick-test");
    const older = (await system.create(aPatient({ given: "Jeanne", family: "Rappel", birthDate: "1950-06-02", gender: "female" }))).id!;
    const quiet = (await system.create(aPatient({ given: "Paul", family: "Silence", birthDate: "1950-06-02", gender: "male" }))).id!;
    const noBirth = aPatient({ given: "Sans", family: "Date" });
    delete noBirth.birthDate;
    const undated = (await system.create(noBirth)).id!;
    const account = await anAccountFor(`Patient/${older}`, "Jeanne Rappel");
    await silence(await systemRepository("prevention-tick-test"), quiet, "all");

    const first = await runPreventionTick((await database()).sql, NOW, 2);
    expect(first.evaluated).toBeGreaterThanOrEqual(2);
    expect(first.skipped).toBeGreaterThanOrEqual(1);
    const prisma = db().prisma;
    const notices = await prisma.notification.findMany({ where: { patientId: older } });
    expect(notices.length).toBeGreaterThan(0);
    // Each leads to its own item's card on the prevention page (due-notice-lands-on-card.test.ts).
    expect(notices.every((n) => n.kind === "prevention-due" && n.link === `/espace/prevention#item-${n.dedupeKey!.split(":")[2]!.toLowerCase()}-title`)).toBe(true);
    expect(new Set(notices.map((n) => n.dedupeKey)).size).toBe(notices.length);
    // Jeanne has an account: one e-mail for her notices of the day, whatever their number (they
    // say the same words), saying nothing about vaccines.
    expect(notices.length).toBeGreaterThan(1);
    const { email } = await prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    const mails = await prisma.emailOutbox.findMany({ where: { recipient: email } });
    expect(mails).toHaveLength(1);
    for (const mail of mails) expect(`${mail.subject} ${mail.textBody}`).not.toMatch(/vaccin|grippe|covid|pneumo|zona|dépistage/i);
    expect(await prisma.notification.count({ where: { patientId: quiet } })).toBe(0);
    expect(await prisma.notification.count({ where: { patientId: undated } })).toBe(0);

    // Run again the same day, then the next day: nothing new for Jeanne.
    await runPreventionTick((await database()).sql, NOW, 2);
    expect(await prisma.notification.count({ where: { patientId: older } })).toBe(notices.length);
    await runPreventionTick((await database()).sql, new Date(NOW.getTime() + 86_400_000), 2);
    expect(await prisma.notification.count({ where: { patientId: older } })).toBe(notices.length);

    // This test's three runs (other tests sharing the database may run the job at other instants).
    const trail = await prisma.auditEvent.findMany({ where: { patientId: older, agent: "System/prevention-daily", recorded: { in: [NOW, new Date(NOW.getTime() + 86_400_000)] } } });
    expect(trail).toHaveLength(3);
    expect(await prisma.auditEvent.count({ where: { patientId: undated, agent: "System/prevention-daily" } })).toBe(0);
  }, 120_000);

  it("works a minor's notices out without what she keeps secret from her parents, who read them in her space", async () => {
    warmUpValidator();
    const system = await systemRepository("prevention-tick-test");
    const pregnancy = { snomed: "77386006", display: "Pregnancy", label: "Grossesse" };
    const secret = { security: [{ system: SYSTEMS.privacyLabel, code: MINOR_SECRET }] };
    // Three people with the same pregnancy, begun in September, during the 2026-2027 campaign:
    // kept secret at 16 (the day before her 18th birthday, too), said openly at 16, and at 18
    // (the label of her minority left on it: her guardians' access ended that day).
    const person = async (given: string, birthDate: string, labelled: boolean) => {
      const id = (await system.create(aPatient({ given, family: "Secret", birthDate, gender: "female" }))).id!;
      await system.create({ ...aCondition({ patientId: id, condition: pregnancy, onset: "2026-09-01" }), ...(labelled ? { meta: secret } : {}) });
      return id;
    };
    const hidden = await person("Lina", "2010-05-01", true);
    const eve = await person("Eva", "2008-12-02", true);
    const open = await person("Inès", "2010-05-01", false);
    const adult = await person("Maya", "2008-12-01", true);

    await runPreventionTick((await database()).sql, NOW, 50);
    const seasonal = async (patientId: string, item: "FLU" | "COVID") =>
      (await db().prisma.notification.findMany({ where: { patientId } })).map((n) => n.dedupeKey).filter((key) => (key ?? "").includes(`:${item}:`)).length;
    // COVID-19 is due at these ages only for the pregnancy: told to whom it is no secret.
    expect(await seasonal(hidden, "COVID")).toBe(0);
    expect(await seasonal(eve, "COVID")).toBe(0);
    expect(await seasonal(open, "COVID")).toBe(1);
    expect(await seasonal(adult, "COVID")).toBe(1);
    // Flu is offered to every child from 2 to 17 years (fr-2025-sources.ts, GRIPPE_ENFANTS): the
    // minors are told as any child is, which says nothing of the pregnancy; the adult for it.
    for (const id of [hidden, eve, open, adult]) expect(await seasonal(id, "FLU")).toBe(1);
  }, 120_000);

  it("notifies pertussis vaccination in a pregnancy from 20 weeks, but not from a minor's secret pregnancy", async () => {
    warmUpValidator();
    const system = await systemRepository("prevention-tick-test");
    const pregnancy = { snomed: "77386006", display: "Pregnancy", label: "Grossesse" };
    const secret = { security: [{ system: SYSTEMS.privacyLabel, code: MINOR_SECRET }] };
    // Begun on 1 June 2026: 26 weeks of amenorrhoea on 1 December, the vaccination due since 19 October.
    const person = async (given: string, birthDate: string, labelled: boolean) => {
      const id = (await system.create(aPatient({ given, family: "Coqueluche", birthDate, gender: "female" }))).id!;
      await system.create({ ...aCondition({ patientId: id, condition: pregnancy, onset: "2026-06-01" }), ...(labelled ? { meta: secret } : {}) });
      return id;
    };
    const hidden = await person("Léa", "2010-05-01", true);
    const open = await person("Nour", "2010-05-01", false);
    const adult = await person("Clara", "1994-02-11", false);

    await runPreventionTick((await database()).sql, NOW, 50);
    const pertussis = async (patientId: string) =>
      (await db().prisma.notification.findMany({ where: { patientId } })).map((n) => n.dedupeKey).filter((key) => (key ?? "").endsWith(":PERTUSSIS_PREGNANCY:2026-10-19"));
    expect(await pertussis(hidden)).toHaveLength(0);
    expect(await pertussis(open)).toHaveLength(1);
    expect(await pertussis(adult)).toHaveLength(1);
  }, 120_000);
});
