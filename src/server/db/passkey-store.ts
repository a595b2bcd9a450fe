import "@/server/server-only";
import { database } from "./client";

/** The account's WebAuthn credentials (passkeys). */
export type StoredPasskey = {
  credentialId: string;
  accountId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export async function countPasskeys(accountId: string): Promise<number> {
  const { prisma } = await database();
  return prisma.passkey.count({ where: { accountId } });
}

export async function listPasskeys(accountId: string): Promise<StoredPasskey[]> {
  const { prisma } = await database();
  const rows = await prisma.passkey.findMany({ where: { accountId }, orderBy: { createdAt: "asc" } });
  return rows.map(toPasskey);
}

export async function findPasskey(credentialId: string): Promise<StoredPasskey | undefined> {
  const { prisma } = await database();
  const row = await prisma.passkey.findUnique({ where: { credentialId } });
  return row ? toPasskey(row) : undefined;
}

export async function addPasskey(input: { credentialId: string; accountId: string; publicKey: Uint8Array; counter: number; transports: string[]; name: string; now: Date }): Promise<void> {
  const { prisma } = await database();
  await prisma.passkey.create({
    data: {
      credentialId: input.credentialId,
      accountId: input.accountId,
      publicKey: Buffer.from(input.publicKey),
      counter: BigInt(input.counter),
      transports: input.transports.join(",") || null,
      name: input.name,
      createdAt: input.now,
    },
  });
}

/**
 * Records a successful assertion. The counter must move forward when the authenticator keeps
 * one (a clone or a replay shows an old counter); the condition is in the UPDATE, so two
 * requests with the same assertion cannot both pass.
 */
export async function recordPasskeyUse(credentialId: string, previousCounter: number, newCounter: number, now: Date): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.passkey.updateMany({
    where: { credentialId, counter: BigInt(previousCounter) },
    data: { counter: BigInt(newCounter), lastUsedAt: now },
  });
  return count === 1;
}

export async function removePasskey(accountId: string, credentialId: string): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.passkey.deleteMany({ where: { accountId, credentialId } });
  return count === 1;
}

function toPasskey(row: { credentialId: string; accountId: string; publicKey: Uint8Array; counter: bigint; transports: string | null; name: string; createdAt: Date; lastUsedAt: Date | null }): StoredPasskey {
  return {
    credentialId: row.credentialId,
    accountId: row.accountId,
    publicKey: new Uint8Array(row.publicKey),
    counter: Number(row.counter),
    transports: row.transports ? row.transports.split(",") : [],
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}
