import "@/server/server-only";
import { randomUUID } from "node:crypto";
import { database } from "./client";
import type { Queryable } from "./queryable";

/**
 * Single-use secrets sent to a person (activation codes, reset and e-mail change links): only a
 * keyed hash is stored (auth/one-time-code.ts). Attempts are counted by a conditional UPDATE
 * before the rest is checked, so parallel guesses against one token cannot pass its limit.
 */
export type TokenPurpose = "activation" | "password-reset" | "email-change" | "recovery-display" | "oidc-link" | "opening-release";

export async function createAccountToken(input: {
  accountId: string;
  purpose: TokenPurpose;
  tokenHash: string;
  now: Date;
  ttlMs: number;
  data?: string;
  /** Earlier live tokens of the purpose keep working (a link sent in every one of several e-mails, which may be deduplicated away). */
  keepEarlier?: boolean;
}): Promise<void> {
  const { prisma } = await database();
  await prisma.$transaction([
    // A new code replaces any earlier one of the same purpose: only the latest letter works.
    ...(input.keepEarlier ? [] : [prisma.accountToken.updateMany({ where: { accountId: input.accountId, purpose: input.purpose, usedAt: null }, data: { usedAt: input.now } })]),
    prisma.accountToken.create({
      data: {
        id: randomUUID(),
        accountId: input.accountId,
        purpose: input.purpose,
        tokenHash: input.tokenHash,
        createdAt: input.now,
        expiresAt: new Date(input.now.getTime() + input.ttlMs),
        data: input.data ?? null,
      },
    }),
  ]);
}

/** Counts one attempt on a live token and returns it, or undefined (unknown, used, expired, out of attempts). */
export async function takeTokenAttempt(tokenHash: string, purpose: TokenPurpose, now: Date, maxAttempts: number) {
  const { prisma } = await database();
  const { count } = await prisma.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (count !== 1) return undefined;
  return (await prisma.accountToken.findUnique({ where: { tokenHash }, select: { id: true, accountId: true, data: true } })) ?? undefined;
}

/**
 * A token already spent (or replaced by a newer one) but not expired, counted against the same
 * cap as takeTokenAttempt: for saying "this code has already served" without a guessing oracle.
 */
export async function takeSpentTokenAttempt(tokenHash: string, purpose: TokenPurpose, now: Date, maxAttempts: number) {
  const { prisma } = await database();
  const { count } = await prisma.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: { not: null }, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (count !== 1) return undefined;
  return (await prisma.accountToken.findUnique({ where: { tokenHash }, select: { id: true, accountId: true } })) ?? undefined;
}


/**
 * Spends a live token only if it is this account's and carries `data` (one conditional UPDATE, so
 * two requests cannot both spend it); false otherwise.
 */
export async function spendTokenCarrying(tokenHash: string, purpose: TokenPurpose, accountId: string, data: string, now: Date): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.accountToken.updateMany({ where: { tokenHash, purpose, accountId, data, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return count === 1;
}

/** Spends the token; false when something else spent it first. */
export async function consumeAccountToken(id: string, now: Date, db?: Queryable): Promise<boolean> {
  // In the caller's transaction when given one: the link is spent if and only if what it was for is done.
  if (db) return (await db.query("UPDATE account_token SET used_at = $2::timestamptz WHERE id = $1::uuid AND used_at IS NULL RETURNING id", [id, now.toISOString()])).length === 1;
  const { prisma } = await database();
  const { count } = await prisma.accountToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

/** What became of a link's token, as its page tells the person who opens it. */
export type TokenState = "live" | "used" | "superseded" | "expired" | "exhausted" | "unknown";

/**
 * The state of a token, read without counting an attempt nor spending anything (a GET opens the
 * link, and mail scanners open links). A newer token of the same purpose marks the older one
 * used at its own creation (createAccountToken): a token whose use is the creation of a newer
 * one was replaced, not used.
 */
export async function readTokenState(tokenHash: string, purpose: TokenPurpose, now: Date, maxAttempts: number): Promise<TokenState> {
  return (await readToken(tokenHash, purpose, now, maxAttempts)).state;
}

/**
 * The same reading, with what a live token carries (its account and data, e.g. the new address
 * it confirms), for a page that must check more than the token before offering its form.
 */
export async function readToken(
  tokenHash: string,
  purpose: TokenPurpose,
  now: Date,
  maxAttempts: number,
): Promise<{ state: Exclude<TokenState, "live"> } | { state: "live"; accountId: string; data: string | null }> {
  const { prisma } = await database();
  const token = await prisma.accountToken.findUnique({
    where: { tokenHash },
    select: { accountId: true, purpose: true, createdAt: true, expiresAt: true, usedAt: true, attempts: true, data: true },
  });
  if (!token || token.purpose !== purpose) return { state: "unknown" };
  if (token.usedAt) {
    const replacement = await prisma.accountToken.findFirst({
      where: { accountId: token.accountId, purpose, createdAt: token.usedAt, NOT: { tokenHash } },
      select: { id: true },
    });
    return { state: replacement ? "superseded" : "used" };
  }
  if (token.expiresAt <= now) return { state: "expired" };
  if (token.attempts >= maxAttempts) return { state: "exhausted" };
  return { state: "live", accountId: token.accountId, data: token.data };
}
