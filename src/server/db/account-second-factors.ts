import "@/server/server-only";
import { database } from "./client";

export type SecondFactorsSummary = {
  /** The account's passkeys, oldest first, as « Mon compte » lists them. */
  passkeys: { credentialId: string; name: string }[];
  /** Recovery codes not used yet. */
  remainingCodes: number;
};

/**
 * What « Mon compte » shows of the second factors, in one statement on the driver. It was two
 * Prisma queries (the passkeys with their keys, the codes counted): Prisma's query interpreter
 * costs the page more than the statements themselves (issue 16; session-store.ts says the same of
 * the session). The page shows no key, so none is read.
 */
export async function secondFactorsOf(accountId: string): Promise<SecondFactorsSummary> {
  const { sql } = await database();
  const [row] = await sql.query<{ passkeys: { credentialId: string; name: string }[] | string; remaining: number | string | bigint }>(
    `SELECT (SELECT coalesce(json_agg(json_build_object('credentialId', p.credential_id, 'name', p.name) ORDER BY p.created_at, p.credential_id), '[]'::json)
               FROM passkey p WHERE p.account_id = $1::uuid) AS passkeys,
            (SELECT count(*) FROM recovery_code c WHERE c.account_id = $1::uuid AND c.used_at IS NULL) AS remaining`,
    [accountId],
  );
  // A json column comes parsed from pg, as text from some engines; count(*) as a string or a bigint.
  const passkeys = typeof row?.passkeys === "string" ? (JSON.parse(row.passkeys) as SecondFactorsSummary["passkeys"]) : (row?.passkeys ?? []);
  return { passkeys, remainingCodes: Number(row?.remaining ?? 0) };
}
