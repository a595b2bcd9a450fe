import "@/server/server-only";
import { database } from "./client";

/** When an account last opened its documents list (Account.lastDocumentsSeen): not clinical data. */
export async function readDocumentsSeen(accountId: string): Promise<Date | null> {
  const { prisma } = await database();
  const row = await prisma.account.findUnique({ where: { id: accountId }, select: { lastDocumentsSeen: true } });
  return row?.lastDocumentsSeen ?? null;
}

/** Only moves forward, so two tabs cannot move it back. */
export async function writeDocumentsSeen(accountId: string, seenAt: Date): Promise<void> {
  const { prisma } = await database();
  await prisma.account.updateMany({
    where: { id: accountId, OR: [{ lastDocumentsSeen: null }, { lastDocumentsSeen: { lt: seenAt } }] },
    data: { lastDocumentsSeen: seenAt },
  });
}
