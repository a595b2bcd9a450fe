import "@/server/server-only";
import { keyedHash, newTypedCode, normaliseTypedCode } from "../auth/one-time-code";
import { secrets } from "../secrets";
import { database } from "./client";
import { inPrisma, type Queryable } from "./queryable";

/** Ten single-use recovery codes per account, stored as keyed hashes (see one-time-code.ts). */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = 10;

const hashOf = (canonical: string) => keyedHash("recovery", canonical, secrets().authSecret);

/**
 * Replaces every code of the account with ten new ones, returned once, in clear, for display.
 * In the caller's transaction when given one (`db`: « Mon compte », with the owner's notice of it),
 * else in one of its own: never the old codes gone without the new ones.
 */
export async function regenerateRecoveryCodes(accountId: string, now: Date, db?: Queryable): Promise<string[]> {
  if (!db) {
    const { prisma } = await database();
    return prisma.$transaction((tx) => regenerateRecoveryCodes(accountId, now, inPrisma(tx)));
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newTypedCode(RECOVERY_CODE_LENGTH));
  await db.query("DELETE FROM recovery_code WHERE account_id = $1::uuid RETURNING code_hash", [accountId]);
  // One parameter per code (no array parameter: the same text through every driver).
  const values = codes.map((_, i) => `($1::uuid, $${i + 3}, $2::timestamptz)`).join(", ");
  await db.query(`INSERT INTO recovery_code (account_id, code_hash, created_at) VALUES ${values} RETURNING code_hash`, [
    accountId,
    now.toISOString(),
    ...codes.map((code) => hashOf(normaliseTypedCode(code, RECOVERY_CODE_LENGTH)!)),
  ]);
  return codes;
}

/** Spends one code: true once for a code of this account, never again (the condition is in the UPDATE). */
export async function spendRecoveryCode(accountId: string, typed: string, now: Date): Promise<boolean> {
  const canonical = normaliseTypedCode(typed, RECOVERY_CODE_LENGTH);
  if (!canonical) return false;
  const { prisma } = await database();
  const { count } = await prisma.recoveryCode.updateMany({
    where: { accountId, codeHash: hashOf(canonical), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

/** The codes not used yet; in `db`'s transaction when given (the sign-in's notice counts them there). */
export async function remainingRecoveryCodes(accountId: string, db?: Queryable): Promise<number> {
  if (db) {
    const [row] = await db.query<{ left: number }>("SELECT count(*)::int AS left FROM recovery_code WHERE account_id = $1::uuid AND used_at IS NULL", [accountId]);
    return row?.left ?? 0;
  }
  const { prisma } = await database();
  return prisma.recoveryCode.count({ where: { accountId, usedAt: null } });
}
