/**
 * `npm run audit:verify`: recomputes the audit chain of every patient in this environment's
 * database (PGlite in DATA_DIR, or DATABASE_URL) and prints a French summary. Exits 0 when every
 * chain is intact, 1 when anything was edited, removed, reordered, forged or truncated (or the
 * check could not run). Run with `tsx --conditions react-server` (server-only modules).
 * With PGlite, stop the app first: PGlite puts no lock on its directory, and two processes
 * opening it at once can damage it. On a server it reads one snapshot and may run at any time.
 */
import { existsSync } from "node:fs";
import { describeChainReport } from "@/server/audit/describe-chain-report";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { closeDatabase, currentTarget, database, describeTarget } from "@/server/db/client";

async function main(): Promise<number> {
  const target = currentTarget();
  if (target.kind === "pglite" && target.dataDir && !existsSync(target.dataDir)) {
    // Opening would create an empty database and call it intact.
    console.error(`Aucune base PGlite dans ${target.dataDir} : rien à vérifier.`);
    return 1;
  }
  const where = describeTarget(target);
  const db = await database();
  try {
    const report = await verifyAuditChain(db.sql);
    for (const line of describeChainReport(report, where)) console.log(line);
    return report.ok ? 0 : 1;
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Échec de la vérification de la chaîne d'audit :", error);
    process.exit(1);
  },
);
