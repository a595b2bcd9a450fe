import "@/server/server-only";
import { keyedHash, newTypedCode, normaliseTypedCode } from "../auth/one-time-code";
import { secrets } from "../secrets";
import { database } from "./client";

/** Ten single-use recovery codes per account, stored as keyed hashes (see one-time-code.ts). */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = 10;

const hashOf = (canonical: string) => keyedHash("recovery", canonical, secrets().authSecret);

/** Replaces every code of the account with ten new ones, returned once, in clear, for display. */
export async function regenerateRecoveryCodes(accountId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newTypedCode(RECOVERY_CODE_LENGTH));
  const { prisma } = await database();
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { accountId } }),
    prisma.recoveryCode.createMany({
      data: codes.map((code) => ({ accountId, codeHash: hashOf(normaliseTypedCode(code, RECOVERY_CODE_LENGTH)!), createdAt: now })),
    }),
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

export async function remainingRecoveryCodes(accountId: string): Promise<number> {
  const { prisma } = await database();
  return prisma.recoveryCode.count({ where: { accountId, usedAt: null } });
}
