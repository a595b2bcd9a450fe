import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inPrisma } from "@/server/db/queryable";
import { systemRepository } from "@/server/fhir/repository";
import { notify, type NotificationInput } from "@/server/notifications/notify";
import { notifyMany } from "@/server/notifications/notify-many";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount } from "../auth/helpers";

const db = useTestDatabase();

/**
 * notifyMany() must write exactly what notify() writes, notice by notice: the same people are
 * set up twice (two "worlds"), one notified one by one through notify(), the other in one call
 * to notifyMany(); their notification and email_outbox rows, with ids and people replaced by
 * their role, must be equal. The set covers what decides a row: a person who said no e-mail for
 * the kind, a security kind whatever the preference, "always", a space without an account, an
 * account's own notice, a disabled account, a link leaving the portal, extra e-mail lines, and
 * the same dedupe key twice in one set; then both are run again, and nothing new is written.
 */
async function world() {
  const plain = await anAccount();
  const refuses = await anAccount();
  const disabled = await anAccount();
  const pro = await anAccount({ kind: "practitioner" });
  for (const kind of ["document-added", "emergency-access"]) {
    await db().sql.query("INSERT INTO notification_preference (account_id, kind, email) VALUES ($1::uuid, $2, false)", [refuses.id, kind]);
  }
  await db().sql.query("UPDATE account SET disabled = true WHERE id = $1::uuid", [disabled.id]);
  const space = (a: { fhirRef: string }) => a.fhirRef.replace("Patient/", "");
  const child = randomUUID();
  const key = randomUUID();
  const inputs: NotificationInput[] = [
    { patientId: space(plain), kind: "document-added", dedupeKey: `t:${key}:1` },
    { patientId: space(plain), kind: "document-added", dedupeKey: `t:${key}:1` },
    { patientId: space(plain), kind: "link-opened", link: "//evil.example/x", detail: "x".repeat(300) },
    { patientId: space(refuses), kind: "document-added", dedupeKey: `t:${key}:2` },
    { patientId: space(refuses), kind: "emergency-access", dedupeKey: `t:${key}:3` },
    { patientId: space(refuses), kind: "document-added", email: "always", emailLines: ["Pour annuler : https://exemple.test/annuler"] },
    { patientId: space(disabled), kind: "document-added" },
    { patientId: child, kind: "document-added", link: "/espace/documents/42" },
    { accountId: pro.id, kind: "message-received", urgent: true },
  ];
  const roles = new Map<string, string>([
    [space(plain), "plain"], [plain.id, "plain"], [plain.email, "plain"],
    [space(refuses), "refuses"], [refuses.id, "refuses"], [refuses.email, "refuses"],
    [space(disabled), "disabled"], [disabled.email, "disabled"],
    [child, "child"], [pro.id, "pro"], [pro.email, "pro"],
  ]);
  return { inputs, roles, key, spaces: [space(plain), space(refuses), space(disabled), child], accounts: [pro.id] };
}

type W = Awaited<ReturnType<typeof world>>;

/** The rows of one world, in a form that does not depend on its ids, sorted. */
async function rowsOf(w: W) {
  const notices = await db().sql.query<{ id: string; patient_id: string | null; account_id: string | null; kind: string; urgent: boolean; link: string; detail: string | null; dedupe_key: string | null; read_at: Date | null }>(
    `SELECT id, patient_id, account_id, kind, urgent, link, detail, dedupe_key, read_at FROM notification
      WHERE patient_id = ANY($1::uuid[]) OR account_id = ANY($2::uuid[])`,
    [w.spaces, w.accounts],
  );
  const byId = new Map(notices.map((n) => [n.id, n]));
  const describe = (n: (typeof notices)[number]) =>
    JSON.stringify({ ...n, id: undefined, patient_id: w.roles.get(n.patient_id ?? ""), account_id: w.roles.get(n.account_id ?? ""), dedupe_key: n.dedupe_key?.replace(w.key, "K") });
  const mails = await db().sql.query<{ dedupe_key: string; kind: string; recipient: string; subject: string; text_body: string; html_body: string | null; sent_at: Date | null }>(
    "SELECT dedupe_key, kind, recipient, subject, text_body, html_body, sent_at FROM email_outbox WHERE dedupe_key = ANY($1::text[])",
    [notices.map((n) => `notification:${n.id}`)],
  );
  return {
    notices: notices.map(describe).sort(),
    mails: mails.map((m) => JSON.stringify({ ...m, dedupe_key: describe(byId.get(m.dedupe_key.slice("notification:".length))!), recipient: w.roles.get(m.recipient) })).sort(),
  };
}

describe("notifyMany()", () => {
  it("writes the same notices and e-mails as notify() one by one, once per dedupe key", async () => {
    const one = await world();
    const many = await world();
    const repo = await systemRepository("notify-many-test");

    const oneNew: boolean[] = [];
    for (const input of one.inputs) oneNew.push(await notify(db().sql, input));
    const manyNew = await repo.transaction(async ({ tx }) => notifyMany(inPrisma(tx), many.inputs));
    expect(manyNew).toEqual(oneNew);
    expect(manyNew).toEqual([true, false, true, true, true, true, true, true, true]);

    const expected = await rowsOf(one);
    const got = await rowsOf(many);
    expect(got).toEqual(expected);
    expect(got.notices).toHaveLength(8);
    // plain ×2, refuses: the security kind and "always" (not the refused document-added), pro.
    expect(got.mails.map((m) => JSON.parse(m).recipient).sort()).toEqual(["plain", "plain", "pro", "refuses", "refuses"]);
    // Each e-mail links to the preferences page of its recipient's own area.
    const settings = (m: string) => /Pour choisir les notifications que vous recevez aussi par e-mail : \S+(\/(?:espace|pro)\/notifications\/preferences)$/m.exec(JSON.parse(m).text_body)?.[1];
    expect(got.mails.map((m) => [JSON.parse(m).recipient, settings(m)]).sort()).toEqual([
      ["plain", "/espace/notifications/preferences"],
      ["plain", "/espace/notifications/preferences"],
      ["pro", "/pro/notifications/preferences"],
      ["refuses", "/espace/notifications/preferences"],
      ["refuses", "/espace/notifications/preferences"],
    ]);

    // Run again: the keyed notices are not written again, nor their e-mails; the unkeyed ones are.
    const again = await notifyMany(db().sql, many.inputs);
    expect(again).toEqual([false, false, true, false, false, true, true, true, true]);
    for (const input of one.inputs) await notify(db().sql, input);
    expect(await rowsOf(many)).toEqual(await rowsOf(one));
  });

  it("sends a person one e-mail for several notices that would send her the same one, and keeps every notice", async () => {
    const account = await anAccount();
    const patientId = account.fhirRef.replace("Patient/", "");
    const due = (item: string) => ({ patientId, kind: "prevention-due" as const, dedupeKey: `prevention:${patientId}:${item}` });
    expect(await notifyMany(db().sql, [due("dtp"), due("flu"), due("covid"), { patientId, kind: "document-added" }])).toEqual([true, true, true, true]);
    expect(await db().sql.query("SELECT 1 FROM notification WHERE patient_id = $1::uuid", [patientId])).toHaveLength(4);
    const mails = await db().sql.query<{ kind: string }>("SELECT kind FROM email_outbox WHERE recipient = $1 ORDER BY kind", [account.email]);
    expect(mails.map((m) => m.kind)).toEqual(["notification-document-added", "notification-prevention-due"]);
    // A later day's new item is told again, by e-mail too.
    await notifyMany(db().sql, [due("flu"), due("zona")]);
    expect(await db().sql.query("SELECT 1 FROM email_outbox WHERE recipient = $1 AND kind = 'notification-prevention-due'", [account.email])).toHaveLength(2);
  });

  it("writes nothing of a set that holds a notice for no one, nor of an event that fails", async () => {
    const account = await anAccount();
    const patientId = account.fhirRef.replace("Patient/", "");
    await expect(notifyMany(db().sql, [{ patientId, kind: "document-added" }, { kind: "document-added" }])).rejects.toThrow(/requis/);
    const repo = await systemRepository("notify-many-test");
    await expect(
      repo.transaction(async ({ tx }) => {
        await notifyMany(inPrisma(tx), [{ patientId, kind: "document-added" }]);
        throw new Error("the event fails");
      }),
    ).rejects.toThrow();
    expect(await db().sql.query("SELECT 1 FROM notification WHERE patient_id = $1::uuid", [patientId])).toHaveLength(0);
    expect(await db().sql.query("SELECT 1 FROM email_outbox WHERE recipient = $1", [account.email])).toHaveLength(0);
    expect(await notifyMany(db().sql, [])).toEqual([]);
  });
});
