import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSession } from "@/server/auth/check-session";
import { countUnread, listNotifications, markAllRead, openNotification, type NotificationOwners } from "@/server/db/notification-store";
import { createSession } from "@/server/db/session-store";
import { unreadCount } from "@/server/notifications/unread-count";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount } from "../auth/helpers";

const db = useTestDatabase();

/**
 * Whose notifications a person sees, for each shape of owners the store writes its SQL for: an
 * account alone (a professional), an account and its own space (every page's header), an account
 * and several spaces (a caregiver's notifications page). Each sees its account's rows and its
 * spaces' rows of the last year, and nobody else's, counted, listed, opened and marked alike.
 */
describe("the notifications of an account and of the spaces it may see", () => {
  it("are the same rows, whatever the number of spaces, and never another person's", async () => {
    const [account, other] = [randomUUID(), randomUUID()];
    const [own, relative, stranger] = [randomUUID(), randomUUID(), randomUUID()];
    const rows: { id: string; accountId: string | null; patientId: string | null; old?: true; read?: true }[] = [
      { id: randomUUID(), accountId: account, patientId: null },
      { id: randomUUID(), accountId: account, patientId: null, read: true },
      { id: randomUUID(), accountId: null, patientId: own },
      { id: randomUUID(), accountId: null, patientId: own, old: true },
      { id: randomUUID(), accountId: null, patientId: relative },
      { id: randomUUID(), accountId: null, patientId: relative, read: true },
      { id: randomUUID(), accountId: other, patientId: null },
      { id: randomUUID(), accountId: null, patientId: stranger },
    ];
    for (const row of rows) {
      await db().sql.query(
        `INSERT INTO notification (id, account_id, patient_id, kind, link, created_at, read_at)
         VALUES ($1::uuid, $2::uuid, $3::uuid, 'document-added', '/espace', now() - $4::interval, $5::timestamptz)`,
        [row.id, row.accountId, row.patientId, row.old ? "400 days" : "1 hour", row.read ? new Date() : null],
      );
    }
    const shapes: [string, NotificationOwners][] = [
      ["an account alone", { accountId: account, patientIds: [] }],
      ["an account and its own space", { accountId: account, patientIds: [own] }],
      ["an account and two spaces", { accountId: account, patientIds: [own, relative] }],
    ];
    for (const [shape, owners] of shapes) {
      const theirs = rows.filter((row) => !row.old && (row.accountId === owners.accountId || (row.patientId !== null && owners.patientIds.includes(row.patientId))));
      const listed = await listNotifications(owners, 50, 0);
      expect(listed.rows.map((row) => row.id).sort(), shape).toEqual(theirs.map((row) => row.id).sort());
      expect(listed.total, shape).toBe(theirs.length);
      expect(await countUnread(owners), shape).toBe(theirs.filter((row) => !row.read).length);
      for (const row of rows.filter((row) => !theirs.includes(row) && !row.old)) expect(await openNotification(owners, row.id), shape).toBeUndefined();
    }

    // Marking all read as the account and its own space: its rows only; the relative's space and
    // the others' rows stay unread.
    await markAllRead({ accountId: account, patientIds: [own] });
    expect(await countUnread({ accountId: account, patientIds: [own] })).toBe(0);
    expect(await countUnread({ accountId: account, patientIds: [own, relative] })).toBe(1);
    expect(await countUnread({ accountId: other, patientIds: [stranger] })).toBe(2);
    expect(await openNotification({ accountId: account, patientIds: [relative] }, rows[4]!.id)).toEqual({ link: "/espace", patientId: relative });
    expect(await countUnread({ accountId: account, patientIds: [own, relative] })).toBe(0);
  });
});

/**
 * A page reads the header's count with its session, in one statement (session-store.ts): the
 * count it shows is the one unreadCount() gives, for a patient (their account's notices and their
 * own space's) and for a professional (their account's), never another's, an old or a read one.
 */
describe("the header's unread count read with a page's session", () => {
  it.each(["patient", "practitioner"] as const)("is the unread count of a %s's account and own space", async (kind) => {
    const account = await anAccount({ kind });
    const own = account.fhirRef.slice(account.fhirRef.indexOf("/") + 1);
    const other = await anAccount({ kind: "patient" });
    const notices: [string | null, string | null, string, boolean][] = [
      [account.id, null, "1 hour", false],
      [account.id, null, "2 hours", true],
      [account.id, null, "400 days", false],
      [null, own, "3 hours", false],
      [null, own, "400 days", false],
      [other.id, null, "1 hour", false],
      [null, randomUUID(), "1 hour", false],
    ];
    for (const [accountId, patientId, age, read] of notices) {
      await db().sql.query(
        `INSERT INTO notification (id, account_id, patient_id, kind, link, created_at, read_at)
         VALUES ($1::uuid, $2::uuid, $3::uuid, 'document-added', '/espace', now() - $4::interval, $5::timestamptz)`,
        [randomUUID(), accountId, patientId, age, read ? new Date() : null],
      );
    }
    const now = new Date();
    const sessionId = await createSession({ accountId: account.id, securityStamp: account.securityStamp, activeSpace: null, userAgent: "vitest", now });
    const page = await checkSession(sessionId, now, { unread: true });
    const api = await checkSession(sessionId, now);
    expect(api).toBeDefined();
    expect(api!.headerUnread).toBeUndefined();
    expect(page?.headerUnread).toBe(kind === "patient" ? 2 : 1);
    expect(page?.headerUnread).toBe(await unreadCount(api!));
  });
});
