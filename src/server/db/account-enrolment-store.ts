import "@/server/server-only";
import { randomUUID } from "node:crypto";
import { openString, sealString } from "../crypto/aes-gcm";
import { secrets } from "../secrets";
import type { AccountKind } from "./account-store";
import { normaliseEmail } from "./account-store";
import { RECOVERY_EVENT } from "./account-recovery-store";
import { database } from "./client";
import type { TransactionClient } from "./generated/prisma/internal/prismaNamespace";

/**
 * The account rows of an activation: created by an invitation without any credential, given a
 * password and a second factor by their owner, then activated. Secrets are sealed with the
 * storage key bound to the account id, as the TOTP secret always was.
 */
/**
 * The account bound to a Patient or Practitioner. `activatedOnce`: activated, or waiting to be
 * activated again after a recovery by the assistance (account-recovery-store.ts): either way its
 * holder had it, so an invitation or a majority letter must not take it over.
 */
export async function findAccountByFhirRef(fhirRef: string) {
  const { prisma } = await database();
  const row = await prisma.account.findFirst({ where: { fhirRef }, select: { id: true, email: true, activatedAt: true, events: { where: { kind: RECOVERY_EVENT }, select: { id: true }, take: 1 } } });
  return row ? { id: row.id, email: row.email, activatedAt: row.activatedAt, activatedOnce: row.activatedAt !== null || row.events.length > 0 } : undefined;
}

export async function emailTaken(email: string, exceptAccountId?: string): Promise<boolean> {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } });
  return row !== null && row.id !== exceptAccountId;
}

export async function createPendingAccount(input: { email: string; kind: AccountKind; fhirRef: string; displayName: string }): Promise<string> {
  const { prisma } = await database();
  const id = randomUUID();
  await prisma.account.create({
    data: { id, email: normaliseEmail(input.email), kind: input.kind, fhirRef: input.fhirRef, displayName: input.displayName, passwordHash: null, totpSecret: null },
  });
  return id;
}

export async function setPendingAccountEmail(accountId: string, email: string): Promise<void> {
  const { prisma } = await database();
  await prisma.account.update({ where: { id: accountId }, data: { email: normaliseEmail(email) } });
}

export async function accountForEnrolment(accountId: string) {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({
    where: { id: accountId },
    select: { id: true, email: true, kind: true, fhirRef: true, displayName: true, passwordHash: true, totpSecret: true, pendingTotpSecret: true, activatedAt: true },
  });
  if (!row) return undefined;
  const key = secrets().storageKey;
  return {
    id: row.id,
    email: row.email,
    kind: row.kind,
    fhirRef: row.fhirRef,
    displayName: row.displayName,
    hasPassword: row.passwordHash !== null,
    hasTotp: row.totpSecret !== null,
    pendingTotpSecret: row.pendingTotpSecret ? openString(row.pendingTotpSecret, key, `account:${row.id}:pending`) : null,
    activatedAt: row.activatedAt,
  };
}

export async function setPendingTotpSecret(accountId: string, secretBase32: string): Promise<void> {
  const { prisma } = await database();
  await prisma.account.update({
    where: { id: accountId },
    data: { pendingTotpSecret: sealString(secretBase32, secrets().storageKey, `account:${accountId}:pending`) },
  });
}

/**
 * The pending secret becomes the account's TOTP secret, its confirming code's step spent. The
 * security stamp moves on: sessions opened with the old app end (a lost phone stops counting).
 */
export async function confirmPendingTotp(accountId: string, secretBase32: string, step: number): Promise<number> {
  const { prisma } = await database();
  const row = await prisma.account.update({
    where: { id: accountId },
    data: {
      totpSecret: sealString(secretBase32, secrets().storageKey, `account:${accountId}`),
      pendingTotpSecret: null,
      lastTotpStep: BigInt(step),
      securityStamp: { increment: 1 },
    },
    select: { securityStamp: true },
  });
  return row.securityStamp;
}

export async function setInitialPasswordHash(accountId: string, passwordHash: string): Promise<void> {
  const { prisma } = await database();
  await prisma.account.updateMany({ where: { id: accountId, activatedAt: null }, data: { passwordHash } });
}

export async function markActivated(accountId: string, now: Date): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.account.updateMany({ where: { id: accountId, activatedAt: null }, data: { activatedAt: now } });
  return count === 1;
}

/**
 * The account registered under `email` while it waits for its first activation (undefined once
 * activated, when it waits for a re-activation after a recovery, or when there is none).
 */
export async function unactivatedAccountByEmail(email: string) {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, kind: true, fhirRef: true, activatedAt: true, events: { where: { kind: RECOVERY_EVENT }, select: { id: true }, take: 1 } },
  });
  return row && row.activatedAt === null && row.events.length === 0 ? { id: row.id, kind: row.kind, fhirRef: row.fhirRef } : undefined;
}

/**
 * An activation taken up again from the start: whatever an earlier, unfinished try left (a
 * password, an app, a passkey, recovery codes, its open activation steps and codes) is dropped,
 * so only the browser that starts again can finish. Nothing changes once the account is active.
 */
export async function restartEnrolment(accountId: string, displayName: string): Promise<boolean> {
  const { prisma } = await database();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({
      where: { id: accountId, activatedAt: null },
      data: { displayName, passwordHash: null, totpSecret: null, pendingTotpSecret: null },
    });
    if (count !== 1) return false;
    await dropEnrolmentLeftovers(tx, accountId);
    return true;
  });
}

/** What an unfinished activation left besides the account row: its ways in, its open steps, its codes and links. */
async function dropEnrolmentLeftovers(tx: TransactionClient, accountId: string): Promise<void> {
  await tx.passkey.deleteMany({ where: { accountId } });
  await tx.recoveryCode.deleteMany({ where: { accountId } });
  await tx.signInChallenge.deleteMany({ where: { accountId } });
  await tx.accountToken.deleteMany({ where: { accountId } });
}

/**
 * The mailbox's holder lets go of an opening made from an invitation's link by someone else
 * (release-account-opening.ts): the release link is spent, the code and the activation under way
 * are voided. In the caller's transaction (it declines the invitations that held the account and
 * writes the trail with it), and only while the account waits for its first activation (the
 * conditional UPDATE): undefined when the link is not live, or the account was activated or
 * recovered meanwhile; else the account released.
 */
export async function releaseUnactivatedOpening(tx: TransactionClient, tokenHash: string, now: Date): Promise<{ id: string; fhirRef: string } | undefined> {
  const token = await tx.accountToken.findUnique({ where: { tokenHash }, select: { id: true, accountId: true, purpose: true } });
  if (!token || token.purpose !== "opening-release") return undefined;
  const spent = await tx.accountToken.updateMany({ where: { id: token.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) return undefined;
  const { count } = await tx.account.updateMany({
    where: { id: token.accountId, activatedAt: null, events: { none: { kind: RECOVERY_EVENT } } },
    data: { passwordHash: null, totpSecret: null, pendingTotpSecret: null },
  });
  if (count !== 1) return undefined;
  await dropEnrolmentLeftovers(tx, token.accountId);
  const account = await tx.account.findUnique({ where: { id: token.accountId }, select: { id: true, fhirRef: true } });
  return account ?? undefined;
}
