/**
 * `npm run audit:verify`: recomputes the audit chain of every patient in this environment's
 * database (PGlite in DATA_DIR, or DATABASE_URL) and prints a French summary. Exits 0 when every
 * chain is intact, 1 when anything was edited, removed, reordered, forged or truncated (or the
 * check could not run). Run with `tsx --conditions react-server` (server-only modules).
 * With PGlite, stop the app first: PGlite puts no lock on its directory, and two processes
 * opening it at once can damage it. On a server it reads one snapshot and may run at any time.
 * Each chain's line is printed as soon as it is checked and nothing is kept: its memory does not
 * grow with the trail (100,000 patients, 5 million rows: scripts/bench/scale.ts measures it).
 */
import { existsSync } from "node:fs";
import { describeChain, describeHeading, describeResult } from "@/server/audit/describe-chain-report";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { closeDatabase, currentTarget, database, describeTarget } from "@/server/db/client";

async function main(): Promise<number> {
  const target = currentTarget();
  if (target.kind === "pglite" && target.dataDir && !existsSync(target.dataDir)) {
    // Opening would create an empty database and call it intact.
    console.error(`Aucune base PGlite dans ${target.dataDir} : rien à vérifier.`);
    return 1;
  }
  console.log(describeHeading(describeTarget(target)));
  const db = await database();
  try {
    const report = await verifyAuditChain(db.sql, { onChain: (chain) => console.log(describeChain(chain).join("\n")) });
    console.log(describeResult(report));
    return report.ok ? 0 : 1;
  } finally {
    await closeDatabase(db);
  }
}

// Exits once the output is written: exit() straight away can cut the end of it when it goes to
// a pipe (the result line of a long trail was lost that way).
const exitAfterOutput = (code: number) => process.stdout.write("", () => process.exit(code));
main().then(exitAfterOutput, (error: unknown) => {
  console.error("Échec de la vérification de la chaîne d'audit :", error);
  exitAfterOutput(1);
});
