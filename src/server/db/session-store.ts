import "server-only";
import { randomBytes } from "node:crypto";
import { database } from "./client";

/**
 * Server-side sessions. The browser holds only the id (inside next-auth's encrypted JWT); every
 * request reads the row, so revoking it, disabling the account or bumping its security stamp
 * ends the session at once.
 */
export type SessionRow = {
  id: string;
  accountId: string;
  securityStamp: number;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  activeSpace: string | null;
  emergencyPatientId: string | null;
  emergencyUntil: Date | null;
  account: { id: string; kind: string; fhirRef: string; displayName: string; disabled: boolean; securityStamp: number };
};

/** 256 random bits: the session id is the only secret in the cookie. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSession(input: {
  accountId: string;
  securityStamp: number;
  activeSpace: string | null;
  userAgent: string | null;
  now: Date;
}): Promise<string> {
  const { prisma } = await database();
  const id = newSessionId();
  await prisma.authSession.create({
    data: {
      id,
      accountId: input.accountId,
      securityStamp: input.securityStamp,
      createdAt: input.now,
      lastSeenAt: input.now,
      activeSpace: input.activeSpace,
      // Stored for the user's own "active sessions" view; cut so a header cannot fill the table.
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

export async function findSession(id: string): Promise<SessionRow | undefined> {
  const { prisma } = await database();
  const row = await prisma.authSession.findUnique({
    where: { id },
    include: {
      account: { select: { id: true, kind: true, fhirRef: true, displayName: true, disabled: true, securityStamp: true } },
    },
  });
  return row ?? undefined;
}

/** Moves lastSeenAt forward, at most once per `everyMs`, so reads do not all become writes. */
export async function touchSession(id: string, now: Date, everyMs: number): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({
    where: { id, revokedAt: null, lastSeenAt: { lt: new Date(now.getTime() - everyMs) } },
    data: { lastSeenAt: now },
  });
}

export async function revokeSession(id: string, now: Date): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

export async function revokeAccountSessions(accountId: string, now: Date, exceptId?: string): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({
    where: { accountId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: now },
  });
}

export async function setActiveSpace(id: string, activeSpace: string | null): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({ where: { id, revokedAt: null }, data: { activeSpace } });
}

/** Lets the session that made a security change (e.g. the password change itself) survive it. */
export async function adoptSecurityStamp(id: string, accountId: string, securityStamp: number): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({ where: { id, accountId, revokedAt: null }, data: { securityStamp } });
}
