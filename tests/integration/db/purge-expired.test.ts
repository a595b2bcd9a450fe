import pg from "pg";
import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "@/server/auth/session-policy";
import { createAccount } from "@/server/db/account-store";
import { PURGE_LOCK, purgeExpired, RATE_LIMIT_RETENTION_MS, STAGED_FILE_LOOKBACK_MS, STAGED_FILE_RETENTION_MS } from "@/server/db/purge-expired";
import { createSession, revokeSession } from "@/server/db/session-store";
import { poolDriver } from "@/server/db/sql-driver";
import { newId } from "@/lib/fhir/builders/ids";
import { useTestDatabase } from "../../setup/test-database";

// A database of its own: the purge deletes whatever has expired, other files' rows included.
const db = useTestDatabase({ fresh: true });

/**
 * Case 45, "nothing grows without bound": the purge job deletes expired sessions, sign-in
 * challenges and rate-limit windows, keeps what is live, and runs in one process at a time.
 */
const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MINUTE = 60_000;

async function anAccount() {
  return createAccount({
    email: `purge-${newId()}@example.org`,
    password: "Sante-Demo-2026!",
    totpSecret: "PURGETESTTOTPSEC",
    kind: "patient",
    fhirRef: `Patient/${newId()}`,
    displayName: "Personne de test",
  });
}

async function session(accountId: string, createdAt: Date, lastSeenAt = createdAt, securityStamp = 0): Promise<string> {
  const id = await createSession({ accountId, securityStamp, activeSpace: null, userAgent: "vitest", now: createdAt });
  await db().prisma.authSession.update({ where: { id }, data: { lastSeenAt } });
  return id;
}

async function challenge(accountId: string, expiresAt: Date): Promise<string> {
  const id = newId();
  await db().prisma.signInChallenge.create({ data: { id, accountId, createdAt: ago(10 * MINUTE), expiresAt } });
  return id;
}

async function rateLimit(windowStart: Date): Promise<string> {
  const key = `test:${newId()}`;
  await db().prisma.rateLimit.create({ data: { key, count: 3, windowStart } });
  return key;
}

/** A file's bytes as an upload stages them, at `createdAt`; `claimed`: a Binary resource (its document's file) holds them. */
async function stagedFile(createdAt: Date, claimed = false): Promise<string> {
  const id = newId();
  await db().sql.query(
    `INSERT INTO binary_content (id, patient_id, content_type, size, sha256, iv, auth_tag, data, created_at)
     VALUES ($1::uuid, $2::uuid, 'application/pdf', 3, 'x', $3, $4, $5, $6::timestamptz)`,
    [id, newId(), Buffer.alloc(12), Buffer.alloc(16), Buffer.from("pdf"), createdAt.toISOString()],
  );
  if (claimed) {
    await db().sql.query(
      `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content) VALUES ($1::uuid, 'Binary', 1, now(), $2::jsonb)`,
      [id, JSON.stringify({ resourceType: "Binary", id, contentType: "application/pdf" })],
    );
  }
  return id;
}

/** A world with one of everything, expired and live; returns the ids that must stay and go. */
async function world() {
  const account = await anAccount();
  const stamped = await anAccount();
  const live = await session(account.id, ago(2 * MINUTE));
  const old = await session(account.id, ago(ABSOLUTE_TIMEOUT_MS + MINUTE), ago(MINUTE));
  const idle = await session(account.id, ago(IDLE_TIMEOUT_MS + 10 * MINUTE));
  const revoked = await session(account.id, ago(MINUTE));
  await revokeSession(revoked, NOW);
  const beforePasswordChange = await session(stamped.id, ago(MINUTE));
  await db().prisma.account.update({ where: { id: stamped.id }, data: { securityStamp: 1 } });
  const afterPasswordChange = await session(stamped.id, ago(MINUTE), ago(MINUTE), 1);
  return {
    sessions: { keep: [live, afterPasswordChange], gone: [old, idle, revoked, beforePasswordChange] },
    challenges: { keep: [await challenge(account.id, new Date(NOW.getTime() + 5 * MINUTE))], gone: [await challenge(account.id, ago(MINUTE))] },
    rateLimits: { keep: [await rateLimit(ago(30 * MINUTE))], gone: [await rateLimit(ago(RATE_LIMIT_RETENTION_MS + MINUTE))] },
    // A document's file is kept however old; bytes staged for a document never created go after
    // the retention, if staged within the week the purge looks back over.
    stagedFiles: {
      keep: [await stagedFile(ago(30 * MINUTE)), await stagedFile(ago(STAGED_FILE_RETENTION_MS + MINUTE), true), await stagedFile(ago(STAGED_FILE_LOOKBACK_MS + MINUTE))].sort(),
      gone: [await stagedFile(ago(STAGED_FILE_RETENTION_MS + MINUTE))],
    },
  };
}

async function remaining(w: Awaited<ReturnType<typeof world>>) {
  const { prisma } = db();
  const ids = (rows: { id?: string; key?: string }[]) => rows.map((r) => r.id ?? r.key).sort();
  return {
    sessions: ids(await prisma.authSession.findMany({ where: { id: { in: [...w.sessions.keep, ...w.sessions.gone] } }, select: { id: true } })),
    challenges: ids(await prisma.signInChallenge.findMany({ where: { id: { in: [...w.challenges.keep, ...w.challenges.gone] } }, select: { id: true } })),
    rateLimits: ids(await prisma.rateLimit.findMany({ where: { key: { in: [...w.rateLimits.keep, ...w.rateLimits.gone] } }, select: { key: true } })),
    stagedFiles: ids(await prisma.binaryContent.findMany({ where: { id: { in: [...w.stagedFiles.keep, ...w.stagedFiles.gone] } }, select: { id: true } })),
  };
}

describe("purging expired sign-in and throttling rows (case 45)", () => {
  it("deletes what has expired and keeps what is live", async () => {
    const w = await world();
    const result = await purgeExpired(db().sql, NOW);
    expect(result).toEqual({ sessions: 4, challenges: 1, rateLimits: 1, stagedFiles: 1 });
    expect(await remaining(w)).toEqual({ sessions: [...w.sessions.keep].sort(), challenges: w.challenges.keep, rateLimits: w.rateLimits.keep, stagedFiles: w.stagedFiles.keep });
    // Nothing left to do: a second run deletes nothing.
    expect(await purgeExpired(db().sql, NOW)).toEqual({ sessions: 0, challenges: 0, rateLimits: 0, stagedFiles: 0 });
  });

  it("never touches the audit trail", async () => {
    const before = await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event");
    await purgeExpired(db().sql, new Date(NOW.getTime() + 365 * 24 * 3600 * 1000));
    expect(await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event")).toEqual(before);
  });

  it("runs in one process at a time: two at once delete each row once", async () => {
    const w = await world();
    const target = db().target;
    if (target.kind === "server") {
      // Another process holds the lock (as a purge under way would): this one leaves the work to it.
      const other = new pg.Client({ connectionString: target.url });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query("SELECT pg_advisory_xact_lock($1)", [PURGE_LOCK]);
        expect(await purgeExpired(db().sql, NOW)).toBe("busy");
        expect((await remaining(w)).sessions).toHaveLength(6);
        await other.query("COMMIT");
      } finally {
        await other.end();
      }
    }
    // Two runs at once (on a server, two connection pools like two processes).
    const second = target.kind === "server" ? poolDriver(new pg.Pool({ connectionString: target.url, max: 1 })) : db().sql;
    try {
      const results = await Promise.all([purgeExpired(db().sql, NOW), purgeExpired(second, NOW)]);
      const done = results.filter((r) => r !== "busy");
      const deleted = done.reduce((n, r) => n + r.sessions + r.challenges + r.rateLimits + r.stagedFiles, 0);
      expect(deleted).toBe(7);
      expect(await remaining(w)).toEqual({ sessions: [...w.sessions.keep].sort(), challenges: w.challenges.keep, rateLimits: w.rateLimits.keep, stagedFiles: w.stagedFiles.keep });
    } finally {
      if (second !== db().sql) await second.close();
    }
  });
});
