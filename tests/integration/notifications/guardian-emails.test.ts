import { describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/documents/route";
import { parisDayOf } from "@/lib/dates/paris-day";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { SCOPES } from "@/server/access/scopes";
import { systemRepository } from "@/server/fhir/repository";
import { GUARDIAN_EMAIL_LINES } from "@/server/notifications/notification-email";
import { notify } from "@/server/notifications/notify";
import { notifyMany } from "@/server/notifications/notify-many";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf } from "../documents/world";
import { anAccountFor, appUrl, signIn, warmUpValidator } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";

const db = useTestDatabase();

/**
 * A child has no account: a notice of its space (an emergency access to its record, a document a
 * doctor added, a prevention item) is e-mailed to each of its live guardians, by their own
 * preferences, in words that name no one. Not to a caregiver under delegation, not to a guardian
 * whose guardianship has ended, and not at all when the young person has an account of her own.
 */
async function family(options: { birthDate?: string; ended?: boolean } = {}) {
  const system = await systemRepository("guardian-emails-test");
  const mother = (await system.create(aPatient({ given: "Mère", family: "Tutrice" }))).id!;
  const father = (await system.create(aPatient({ given: "Père", family: "Tuteur" }))).id!;
  const aunt = (await system.create(aPatient({ given: "Tante", family: "Aidante" }))).id!;
  const child = (await system.create(aPatient({ given: "Lou", family: "Enfant", birthDate: options.birthDate ?? "2016-05-04" }))).id!;
  await system.create(aGuardianship({ patientId: child, agentPatientId: mother, scopes: SCOPES, agentName: { given: "Mère", family: "Tutrice" } }));
  await system.create(
    aGuardianship({ patientId: child, agentPatientId: father, scopes: SCOPES, agentName: { given: "Père", family: "Tuteur" }, ...(options.ended ? { end: "2020-01-01" } : {}) }),
  );
  await system.create(aDelegation({ patientId: child, agentPatientId: aunt, scopes: ["documents:read"], agentName: { given: "Tante", family: "Aidante" } }));
  const accounts = {
    mother: await anAccountFor(`Patient/${mother}`, "Mère Tutrice"),
    father: await anAccountFor(`Patient/${father}`, "Père Tuteur"),
    aunt: await anAccountFor(`Patient/${aunt}`, "Tante Aidante"),
  };
  return { child, accounts };
}

/** The e-mails queued for an account, by kind. */
const mailsTo = (account: { id: string }) =>
  db().sql.query<{ kind: string; text_body: string }>(
    "SELECT o.kind, o.text_body FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = $1::uuid ORDER BY o.kind",
    [account.id],
  );

describe("a notice of a child's space", () => {
  it("reaches the guardian when a doctor adds a document to the child's record through the upload form", async () => {
    warmUpValidator();
    const { child, accounts } = await family();
    const system = await systemRepository("guardian-emails-test");
    const doctor = (await system.create(aPractitioner({ given: "Rose", family: "Pédiatre" }))).id!;
    await system.create(anAuthorisation({ patientId: child, practitionerId: doctor }));
    const { cookie } = await signIn(`Practitioner/${doctor}`, { name: "Dr Rose Pédiatre" });
    const form = new FormData();
    form.set("titre", "Compte rendu de consultation");
    form.set("type", "consultation");
    form.set("date", parisDayOf(new Date()));
    form.set("patient", child);
    form.set("fichier", new File([new Uint8Array(await aPdf(["Compte rendu"]))], "cr.pdf", { type: "application/pdf" }));
    const request = new Request(`${appUrl()}/api/documents`, { method: "POST", headers: { origin: appUrl(), cookie }, body: form });
    const answer = await inRequestScope(request, () => uploadRoute(request));
    expect(answer.status).toBe(303);
    for (const guardian of [accounts.mother, accounts.father]) expect((await mailsTo(guardian)).map((m) => m.kind)).toEqual(["notification-document-added"]);
    expect(await mailsTo(accounts.aunt)).toEqual([]);
  });

  it("is e-mailed to each live guardian, saying where to read it and naming no one; not to a caregiver", async () => {
    const { child, accounts } = await family();
    await notify(db().sql, { patientId: child, kind: "emergency-access" });
    for (const guardian of [accounts.mother, accounts.father]) {
      const mails = await mailsTo(guardian);
      expect(mails.map((m) => m.kind)).toEqual(["notification-emergency-access"]);
      expect(mails[0]!.text_body).toContain(GUARDIAN_EMAIL_LINES[0]);
      for (const name of ["Lou", "Enfant", "Mère", "Père"]) expect(mails[0]!.text_body).not.toContain(name);
    }
    expect(await mailsTo(accounts.aunt)).toEqual([]);
    // The notice itself is the child's, read in its space.
    expect(await db().sql.query("SELECT 1 FROM notification WHERE patient_id = $1::uuid AND kind = 'emergency-access'", [child])).toHaveLength(1);
  });

  it("follows each guardian's own preferences, and a batch e-mails her once per kind however many notices", async () => {
    const first = await family();
    await db().sql.query("INSERT INTO notification_preference (account_id, kind, email) VALUES ($1::uuid, 'prevention-due', false)", [first.accounts.father.id]);
    await notifyMany(db().sql, [
      { patientId: first.child, kind: "prevention-due", dedupeKey: `p:${first.child}:dtp` },
      { patientId: first.child, kind: "prevention-due", dedupeKey: `p:${first.child}:flu` },
      { patientId: first.child, kind: "document-added" },
    ]);
    expect((await mailsTo(first.accounts.mother)).map((m) => m.kind)).toEqual(["notification-document-added", "notification-prevention-due"]);
    expect((await mailsTo(first.accounts.father)).map((m) => m.kind)).toEqual(["notification-document-added"]);
  });

  it("is e-mailed to no guardian whose guardianship has ended, by its date or at the child's majority", async () => {
    const { child, accounts } = await family({ ended: true });
    await notify(db().sql, { patientId: child, kind: "document-added" });
    expect(await mailsTo(accounts.father)).toEqual([]);
    expect(await mailsTo(accounts.mother)).toHaveLength(1);

    const adult = await family({ birthDate: "2000-01-01" });
    await notify(db().sql, { patientId: adult.child, kind: "document-added" });
    expect(await mailsTo(adult.accounts.mother)).toEqual([]);
  });

  it("is e-mailed to the young person alone once she has an account of her own", async () => {
    const { child, accounts } = await family();
    const own = await anAccountFor(`Patient/${child}`, "Lou Enfant");
    await notify(db().sql, { patientId: child, kind: "document-added" });
    expect(await mailsTo(own)).toHaveLength(1);
    expect(await mailsTo(accounts.mother)).toEqual([]);
  });
});
