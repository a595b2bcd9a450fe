import "@/server/server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import { openString, sealString } from "../crypto/aes-gcm";
import { secrets } from "../secrets";
import { database } from "./client";
import { inPrisma, type Queryable } from "./queryable";
import { isUniqueViolation } from "./unique-violation";

/**
 * Accounts: who can sign in, with which password and second factor, and which FHIR resource
 * (Patient or Practitioner) they are. Not clinical data, so it lives beside the repository,
 * not behind it. The TOTP secret is encrypted with the storage key, bound to the account id.
 */
export type AccountKind = "patient" | "practitioner";

export type AccountSummary = {
  id: string;
  kind: AccountKind;
  fhirRef: string;
  displayName: string;
  disabled: boolean;
  securityStamp: number;
};

export type NewAccount = {
  /** Fixed ids for the demo personas; a random UUID otherwise. */
  id?: string;
  email: string;
  password: string;
  totpSecret: string | null;
  kind: AccountKind;
  fhirRef: string;
  displayName: string;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const SUMMARY = { id: true, kind: true, fhirRef: true, displayName: true, disabled: true, securityStamp: true } as const;

function toSummary(row: { id: string; kind: string; fhirRef: string; displayName: string; disabled: boolean; securityStamp: number }): AccountSummary {
  if (row.kind !== "patient" && row.kind !== "practitioner") throw new Error(`Unknown account kind: ${row.kind}`);
  return { ...row, kind: row.kind };
}

export async function createAccount(input: NewAccount): Promise<AccountSummary> {
  const expectedType = input.kind === "patient" ? "Patient/" : "Practitioner/";
  if (!input.fhirRef.startsWith(expectedType)) throw new Error(`fhirRef must start with ${expectedType}`);
  const { prisma } = await database();
  const id = input.id ?? randomUUID();
  const row = await prisma.account.create({
    data: {
      id,
      email: normaliseEmail(input.email),
      passwordHash: await hashPassword(input.password),
      totpSecret: input.totpSecret ? sealString(input.totpSecret, secrets().storageKey, `account:${id}`) : null,
      kind: input.kind,
      fhirRef: input.fhirRef,
      displayName: input.displayName,
      activatedAt: new Date(),
    },
    select: SUMMARY,
  });
  return toSummary(row);
}

/**
 * What the password step needs. Undefined when no activated account has this address (an
 * account still waiting for activation has no password to check).
 */
export async function findCredentialsByEmail(email: string) {
  const { sql } = await database();
  // One row whether or not the address has an account (nulls when not), read by plain SQL, so
  // the lookup takes about the same time either way: the sign-in's answer must not tell who has
  // an account (start-sign-in.ts). Through Prisma, a found row cost 37 µs more than none to map
  // (0.46 against 0.43 ms, medians of 2,000 here); a row or none by plain SQL, 25 µs.
  const [row] = await sql.query<{
    id: string | null;
    kind: string | null;
    fhir_ref: string | null;
    display_name: string | null;
    disabled: boolean | null;
    security_stamp: number | null;
    password_hash: string | null;
    activated: boolean | null;
    closed: boolean | null;
  }>(
    `SELECT a.id::text AS id, a.kind, a.fhir_ref, a.display_name, a.disabled, a.security_stamp, a.password_hash,
            a.activated_at IS NOT NULL AS activated,
            EXISTS (SELECT 1 FROM space_closure c WHERE c.account_id = a.id) AS closed
       FROM (SELECT 1) AS one LEFT JOIN account a ON a.email = $1`,
    [normaliseEmail(email)],
  );
  if (!row?.id || !row.activated || !row.password_hash || row.kind === null || row.fhir_ref === null || row.display_name === null) return undefined;
  const summary = toSummary({ id: row.id, kind: row.kind, fhirRef: row.fhir_ref, displayName: row.display_name, disabled: row.disabled === true, securityStamp: Number(row.security_stamp) });
  // A closed space (accounts/close-space.ts): its account is disabled too, and the sign-in says why once the password is right.
  return { ...summary, passwordHash: row.password_hash, closed: row.closed === true };
}

export async function findAccountById(id: string): Promise<AccountSummary | undefined> {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({ where: { id }, select: SUMMARY });
  return row ? toSummary(row) : undefined;
}

export async function findAccountByEmail(email: string): Promise<AccountSummary | undefined> {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({ where: { email: normaliseEmail(email) }, select: SUMMARY });
  return row ? toSummary(row) : undefined;
}

/**
 * The second-factor state of an account: its decrypted TOTP secret (null without a TOTP app),
 * the last step used, and until when the second step is paused.
 */
export async function readSecondFactor(accountId: string) {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({
    where: { id: accountId },
    select: { totpSecret: true, lastTotpStep: true, disabled: true, secondFactorPausedUntil: true },
  });
  if (!row) return undefined;
  return {
    secretBase32: row.totpSecret ? openString(row.totpSecret, secrets().storageKey, `account:${accountId}`) : null,
    lastUsedStep: Number(row.lastTotpStep),
    disabled: row.disabled,
    pausedUntil: row.secondFactorPausedUntil,
  };
}

/**
 * Pauses the second step of the account and leaves a notice for its owner's next sign-in. Takes
 * the caller's transaction, so the e-mail telling the owner is queued with the pause or not at
 * all; gives back the address to write to (undefined: no such account).
 */
export async function pauseSecondFactor(db: Queryable, accountId: string, until: Date): Promise<string | undefined> {
  const rows = await db.query<{ email: string }>(
    "UPDATE account SET second_factor_paused_until = $2, security_notice = 'second-factor-paused' WHERE id = $1::uuid RETURNING email",
    [accountId, until.toISOString()],
  );
  return rows[0]?.email;
}

/**
 * Runs account writes (not patient data) in one transaction: what an account event changes, its
 * trail row and the e-mail it causes commit together.
 */
export async function inAccountTransaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
  const { prisma } = await database();
  return prisma.$transaction((tx) => work(inPrisma(tx)));
}

/** The notice waiting for the owner, taken (cleared) as it is read: it is shown once. */
export async function takeSecurityNotice(accountId: string): Promise<string | undefined> {
  const { sql } = await database();
  const rows = await sql.query<{ notice: string | null }>(
    `UPDATE account a SET security_notice = NULL FROM (SELECT id, security_notice AS notice FROM account WHERE id = $1 FOR UPDATE) old
      WHERE a.id = old.id AND old.notice IS NOT NULL RETURNING old.notice`,
    [accountId],
  );
  return rows[0]?.notice ?? undefined;
}

/** The account's address, for the e-mails it is sent. */
export async function emailOfAccount(accountId: string): Promise<string | undefined> {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({ where: { id: accountId }, select: { email: true } });
  return row?.email;
}

/**
 * Records that the code of `step` was used. False when that step (or a later one) was already
 * used: the condition is in the UPDATE, so two requests with the same code cannot both win.
 */
export async function consumeTotpStep(accountId: string, step: number): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.account.updateMany({
    where: { id: accountId, lastTotpStep: { lt: BigInt(step) } },
    data: { lastTotpStep: BigInt(step) },
  });
  return count === 1;
}

export async function findPasswordHash(accountId: string): Promise<string | undefined> {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({ where: { id: accountId }, select: { passwordHash: true } });
  return row?.passwordHash ?? undefined;
}

/** The account's tokens a new password ends (setPasswordHash says why). */
const ENDED_BY_NEW_PASSWORD = ["email-change", "password-reset"];

/**
 * New password hash; bumping the security stamp ends every session opened before. Returns the new
 * stamp. A change of address asked before and not yet confirmed ends with them, in the same
 * transaction: the old address is told to change the password if the request was not the owner's
 * (tell-owner.ts), and that must stop it, or whoever asked could still confirm it from their own
 * mailbox and have the reset links sent there. A reset link asked before ends too, for the same
 * reason: the owner told of a request she did not make changes her password, and whoever reads
 * her mailbox must not then replace it with theirs (the link a reset spends is already spent).
 * So does a sign-in whose password step the old password passed and whose code is still awaited:
 * whoever had that password would otherwise finish it with a code (a sign-in an identity began
 * is not the password's, and stays).
 */
export async function setPasswordHash(accountId: string, passwordHash: string, now: Date, db?: Queryable): Promise<number> {
  // In the caller's transaction when given one, with the owner's notice of it (account-change-notice.ts).
  if (db) {
    const [row] = await db.query<{ security_stamp: number }>(
      "UPDATE account SET password_hash = $2, security_stamp = security_stamp + 1 WHERE id = $1::uuid RETURNING security_stamp",
      [accountId, passwordHash],
    );
    if (!row) throw new Error("setPasswordHash: no such account");
    await db.query(
      "UPDATE account_token SET expires_at = $2::timestamptz WHERE account_id = $1::uuid AND purpose = ANY($3::text[]) AND used_at IS NULL AND expires_at > $2::timestamptz RETURNING id",
      [accountId, now.toISOString(), ENDED_BY_NEW_PASSWORD],
    );
    await db.query(
      "UPDATE sign_in_challenge SET expires_at = $2::timestamptz WHERE account_id = $1::uuid AND purpose = 'sign-in' AND oidc_ref IS NULL AND used_at IS NULL AND expires_at > $2::timestamptz RETURNING id",
      [accountId, now.toISOString()],
    );
    return Number(row.security_stamp);
  }
  const { prisma } = await database();
  const [row] = await prisma.$transaction([
    prisma.account.update({
      where: { id: accountId },
      data: { passwordHash, securityStamp: { increment: 1 } },
      select: { securityStamp: true },
    }),
    prisma.accountToken.updateMany({ where: { accountId, purpose: { in: ENDED_BY_NEW_PASSWORD }, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }),
    prisma.signInChallenge.updateMany({ where: { accountId, purpose: "sign-in", oidcRef: null, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }),
  ]);
  return row.securityStamp;
}

/** New second-factor secret (reset by support, or a new app); ends every session too. */
export async function setTotpSecret(accountId: string, totpSecret: string): Promise<void> {
  const { prisma } = await database();
  await prisma.account.update({
    where: { id: accountId },
    data: {
      totpSecret: sealString(totpSecret, secrets().storageKey, `account:${accountId}`),
      lastTotpStep: BigInt(0),
      securityStamp: { increment: 1 },
    },
  });
}

export async function setAccountDisabled(accountId: string, disabled: boolean): Promise<void> {
  const { prisma } = await database();
  await prisma.account.update({ where: { id: accountId }, data: { disabled, securityStamp: { increment: 1 } } });
}

/**
 * The account's sign-in address, once the new one is confirmed (src/server/accounts/change-email.ts); false, nothing changed, when another account took it meanwhile:
 * two confirmations of the same free address at the same moment both pass the check made before,
 * and the unique index decides (the second was a 500).
 */
export async function setAccountEmail(accountId: string, email: string, now: Date): Promise<boolean> {
  const { prisma } = await database();
  // A reset link went to the old address: whoever still reads that mailbox (the reason she may be
  // moving away from it) must not use it to choose her password once the account is no longer there.
  try {
    await prisma.$transaction([
      prisma.account.update({ where: { id: accountId }, data: { email } }),
      prisma.accountToken.updateMany({ where: { accountId, purpose: "password-reset", usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
