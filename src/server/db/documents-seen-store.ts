import "@/server/server-only";
import { database } from "./client";

/**
 * When an account last opened its documents list (Account.lastDocumentsSeen): not clinical data.
 * Read on every view of the documents list, so through the prepared driver, not Prisma (issue
 * 16: a fifth of the CPU of Prisma's query for the same row; see audit/read-audit.ts).
 */
export async function readDocumentsSeen(accountId: string): Promise<Date | null> {
  const { sql } = await database();
  const rows = await sql.query<{ seen: Date | null }>("SELECT last_documents_seen AS seen FROM account WHERE id = $1::uuid", [accountId]);
  return rows[0]?.seen ?? null;
}

/** Only moves forward, so two tabs cannot move it back. */
export async function writeDocumentsSeen(accountId: string, seenAt: Date): Promise<void> {
  const { prisma } = await database();
  await prisma.account.updateMany({
    where: { id: accountId, OR: [{ lastDocumentsSeen: null }, { lastDocumentsSeen: { lt: seenAt } }] },
    data: { lastDocumentsSeen: seenAt },
  });
}
