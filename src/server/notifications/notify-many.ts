import "@/server/server-only";
import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/queryable";
import { env } from "../env";
import { enqueueEmails } from "../mail/enqueue-emails";
import type { OutgoingEmail } from "../mail/outgoing-email";
import { now } from "../clock";
import { unsafeLiveGuardianAccounts } from "../fhir/live-guardian-accounts";
import { noticeRow, sendsEmail } from "./notice-row";
import { GUARDIAN_EMAIL_LINES, notificationEmail } from "./notification-email";
import type { NotificationInput } from "./notify";

type Written = { id: string; email: string | null; account_kind: "patient" | "practitioner" | null; wants: boolean | null };

/**
 * notify() for many notices at once (a campaign, the daily prevention job): the same rows, in two
 * statements whatever their number instead of three per notice. The first inserts every notice
 * (a dedupe key already notified, or twice in `inputs`, is skipped as notify() skips it: the
 * first one wins) and, in the same statement, finds the recipient account and its preference of
 * the notices it did insert; the second queues their e-mails. The rules are notify()'s own
 * (notice-row.ts): a space without an account e-mails its live guardians (one more statement,
 * for all such spaces of the set: live-guardian-accounts.ts), security kinds always do, the
 * e-mail is notificationEmail()'s fixed text. Pass the transaction of the event, as for notify(),
 * for the notices and e-mails to exist if and only if it commits. Answers, for each input in
 * order, whether it was new.
 *
 * One e-mail per person for notices that would send her the same one: every notice of a kind
 * has the same fixed text, so five prevention items falling due the same day (a person's first
 * evaluation, a campaign's start) sent her five identical e-mails (found by an exploratory test).
 * Each notice still has its row: the portal lists them, and the dedupe keys record what was told.
 */
export async function notifyMany(db: Queryable, inputs: readonly NotificationInput[]): Promise<boolean[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map(noticeRow); // refuses a notice for no one before anything is written
  const ids = inputs.map(() => randomUUID());
  const written = await db.query<Written>(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::uuid[])
              WITH ORDINALITY AS t(id, patient_id, account_id, kind, urgent, link, detail, dedupe_key, space_id, ord)
     ), inserted AS (
       INSERT INTO notification (id, patient_id, account_id, space_id, kind, urgent, link, detail, dedupe_key)
       SELECT id, patient_id, account_id, space_id, kind, urgent, link, detail, dedupe_key FROM input ORDER BY ord
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id
     )
     SELECT i.id, r.email, r.account_kind, r.wants
       FROM inserted JOIN input i USING (id)
       LEFT JOIN LATERAL (
         SELECT a.email, a.kind AS account_kind, p.email AS wants
           FROM account a
           LEFT JOIN notification_preference p ON p.account_id = a.id AND p.kind = i.kind
          WHERE NOT a.disabled
            AND (a.id = i.account_id OR (i.account_id IS NULL AND a.fhir_ref = 'Patient/' || i.patient_id::text))
          LIMIT 1
       ) r ON true`,
    [
      ids,
      rows.map((r) => r.patientId),
      rows.map((r) => r.accountId),
      rows.map((r) => r.kind),
      rows.map((r) => r.urgent),
      rows.map((r) => r.link),
      rows.map((r) => r.detail),
      rows.map((r) => r.dedupeKey),
      rows.map((r) => r.spaceId),
    ],
  );
  const index = new Map<string, number>(ids.map((id, i) => [id, i]));
  const isNew = inputs.map(() => false);
  const emails: OutgoingEmail[] = [];
  const queued = new Set<string>();
  const appUrl = env().APP_URL;
  const queue = (n: NotificationInput, to: { email: string; accountKind: "patient" | "practitioner" }, key: string, lines: readonly string[] | undefined) => {
    const same = JSON.stringify([to.email, n.kind, lines ?? []]);
    if (queued.has(same)) return;
    queued.add(same);
    emails.push(notificationEmail(n.kind, to, appUrl, key, lines));
  };
  // The spaces without an account among the notices written: whose guardians to e-mail.
  const unowned = written.flatMap((w) => {
    const n = inputs[index.get(w.id)!]!;
    return w.email === null && n.patientId && !n.accountId ? [n.patientId] : [];
  });
  const guardians = await unsafeLiveGuardianAccounts(db, unowned, now());
  for (const w of written) {
    const i = index.get(w.id)!;
    isNew[i] = true;
    const n = inputs[i]!;
    if (w.email !== null && w.account_kind !== null) {
      if (sendsEmail(n, w.wants)) queue(n, { email: w.email, accountKind: w.account_kind }, `notification:${w.id}`, n.emailLines);
      continue;
    }
    for (const guardian of (n.patientId && !n.accountId && guardians.get(n.patientId)) || []) {
      if (sendsEmail(n, guardian.wants[n.kind] ?? null)) queue(n, guardian, `notification:${w.id}:${guardian.accountId}`, [...GUARDIAN_EMAIL_LINES, ...(n.emailLines ?? [])]);
    }
  }
  await enqueueEmails(db, emails);
  return isNew;
}
