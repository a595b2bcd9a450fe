import "@/server/server-only";
import { randomBytes } from "node:crypto";
import { database } from "./client";

/**
 * The pending second step of a sign-in: created once the password is right, consumed by the
 * right code. Each code attempt is counted by a conditional UPDATE before the code is checked,
 * so parallel guesses cannot go past the limit.
 */
export type ChallengePurpose = "sign-in" | "activation";

/** `oidcRef`: the identity whose one-factor sign-in this challenge completes (oidc-second-factor.ts); none for a password's. */
export async function createChallenge(accountId: string, now: Date, ttlMs: number, purpose: ChallengePurpose = "sign-in", oidcRef?: string): Promise<string> {
  const { prisma } = await database();
  const id = randomBytes(32).toString("base64url");
  await prisma.signInChallenge.create({
    data: { id, accountId, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs), purpose, oidcRef: oidcRef ?? null },
  });
  return id;
}

/**
 * Counts one attempt on a live challenge and returns its account (and the identity that started
 * it, if one did), or undefined when the challenge is unknown, expired, used, or out of attempts.
 */
export async function takeChallengeAttempt(
  id: string,
  now: Date,
  maxAttempts: number,
  purpose: ChallengePurpose = "sign-in",
): Promise<{ accountId: string; oidcRef: string | null } | undefined> {
  const { prisma } = await database();
  const { count } = await prisma.signInChallenge.updateMany({
    where: { id, purpose, usedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (count !== 1) return undefined;
  const row = await prisma.signInChallenge.findUnique({ where: { id }, select: { accountId: true, oidcRef: true } });
  return row ?? undefined;
}

/** Marks the challenge used; false if something else used it first. */
export async function consumeChallenge(id: string, now: Date): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.signInChallenge.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

/** Whether the challenge can still take a code (for the code page; counts nothing). */
export async function isChallengeLive(id: string, now: Date, maxAttempts: number, purpose: ChallengePurpose = "sign-in"): Promise<boolean> {
  const { prisma } = await database();
  const row = await prisma.signInChallenge.findFirst({
    where: { id, purpose, usedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
    select: { id: true },
  });
  return row !== null;
}

/** The account of a live challenge of this purpose (for the activation pages; counts nothing). */
export async function liveChallengeAccount(id: string, now: Date, purpose: ChallengePurpose): Promise<string | undefined> {
  const { prisma } = await database();
  const row = await prisma.signInChallenge.findFirst({
    where: { id, purpose, usedAt: null, expiresAt: { gt: now } },
    select: { accountId: true },
  });
  return row?.accountId;
}
