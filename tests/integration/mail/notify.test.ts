import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inPrisma } from "@/server/db/queryable";
import { systemRepository } from "@/server/fhir/repository";
import { SECURITY_ALWAYS_LINE } from "@/server/notifications/notification-email";
import { notify } from "@/server/notifications/notify";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount } from "../auth/helpers";

const db = useTestDatabase();

const patientOf = (fhirRef: string) => fhirRef.replace("Patient/", "");

async function outboxFor(email: string) {
  return db().sql.query<{ kind: string; subject: string; text_body: string }>("SELECT kind, subject, text_body FROM email_outbox WHERE recipient = $1", [email]);
}
async function noticesOf(patientId: string) {
  return db().sql.query<{ kind: string; urgent: boolean; link: string; read_at: Date | null }>(
    "SELECT kind, urgent, link, read_at FROM notification WHERE patient_id = $1::uuid",
    [patientId],
  );
}

describe("notify()", () => {
  it("writes the notice and its e-mail in the event's transaction, or neither", async () => {
    const account = await anAccount();
    const patientId = patientOf(account.fhirRef);
    const repo = await systemRepository("notify-test");
    await expect(
      repo.transaction(async ({ tx }) => {
        await notify(inPrisma(tx), { patientId, kind: "document-added" });
        throw new Error("the event fails");
      }),
    ).rejects.toThrow();
    expect(await noticesOf(patientId)).toHaveLength(0);
    expect(await outboxFor(account.email)).toHaveLength(0);

    await repo.transaction(async ({ tx }) => notify(inPrisma(tx), { patientId, kind: "document-added" }));
    expect(await noticesOf(patientId)).toEqual([{ kind: "document-added", urgent: false, link: "/espace/documents", read_at: null }]);
    const [email] = await outboxFor(account.email);
    expect(email!.subject).toBe("Vous avez une nouvelle notification dans votre espace santé");
    expect(email!.kind).toBe("notification-document-added");
  });

  it("notifies once per dedupe key, e-mail included", async () => {
    const account = await anAccount();
    const patientId = patientOf(account.fhirRef);
    const dedupeKey = `link-opened:${randomUUID()}`;
    await notify(db().sql, { patientId, kind: "link-opened", dedupeKey });
    await notify(db().sql, { patientId, kind: "link-opened", dedupeKey });
    expect(await noticesOf(patientId)).toHaveLength(1);
    expect(await outboxFor(account.email)).toHaveLength(1);
  });

  it("keeps a kind in the portal when the person chose so, but always e-mails security kinds", async () => {
    const account = await anAccount();
    const patientId = patientOf(account.fhirRef);
    for (const kind of ["document-added", "emergency-access"]) {
      await db().sql.query("INSERT INTO notification_preference (account_id, kind, email) VALUES ($1::uuid, $2, false)", [account.id, kind]);
    }
    await notify(db().sql, { patientId, kind: "document-added" });
    await notify(db().sql, { patientId, kind: "emergency-access" });
    await notify(db().sql, { patientId, kind: "document-added", email: "always" });
    expect((await noticesOf(patientId)).map((n) => [n.kind, n.urgent])).toEqual(
      expect.arrayContaining([["document-added", false], ["emergency-access", true]]),
    );
    const sent = (await outboxFor(account.email)).map((e) => e.kind).sort();
    expect(sent).toEqual(["notification-document-added", "notification-emergency-access"]);
    const security = (await outboxFor(account.email)).find((e) => e.kind === "notification-emergency-access");
    expect(security!.text_body).toContain("sécurité");
  });

  it("notifies a space without an account in the portal only, and an account directly", async () => {
    const childId = randomUUID();
    await notify(db().sql, { patientId: childId, kind: "document-added" });
    expect(await noticesOf(childId)).toHaveLength(1);

    const pro = await anAccount({ kind: "practitioner" });
    await notify(db().sql, { accountId: pro.id, kind: "message-received", link: "//evil.example/x" });
    const [row] = await db().sql.query<{ link: string }>("SELECT link FROM notification WHERE account_id = $1::uuid", [pro.id]);
    expect(row!.link).toBe("/espace/messages");
    expect(await outboxFor(pro.email)).toHaveLength(1);
  });

  it("links each e-mail to the preferences page of its recipient's area: a professional's to /pro, where theirs is", async () => {
    const patient = await anAccount();
    const pro = await anAccount({ kind: "practitioner" });
    await notify(db().sql, { patientId: patientOf(patient.fhirRef), kind: "document-added" });
    await notify(db().sql, { accountId: pro.id, kind: "new-sign-in", email: "always" });
    const settingsLine = async (email: string) => {
      const [mail] = await outboxFor(email);
      return mail!.text_body.split("\n").find((line) => line.startsWith("Pour choisir les notifications"));
    };
    expect(await settingsLine(patient.email)).toMatch(/ : https?:\/\/[^/\s]+\/espace\/notifications\/preferences$/);
    expect(await settingsLine(pro.email)).toMatch(/ : https?:\/\/[^/\s]+\/pro\/notifications\/preferences$/);
    // Only the security kind says it cannot be turned off; a kind one may choose does not.
    expect((await outboxFor(pro.email))[0]!.text_body).toContain(SECURITY_ALWAYS_LINE);
    expect((await outboxFor(patient.email))[0]!.text_body).not.toContain(SECURITY_ALWAYS_LINE);
  });
});
