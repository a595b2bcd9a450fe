/**
 * `npm run db:seed`: loads the demo personas (README, issue 2) into the database of this
 * environment (PGlite in DATA_DIR, or DATABASE_URL). Refuses production; does nothing when the
 * personas are already there. Run with `tsx --conditions react-server` (server-only modules).
 */
import { mkdirSync } from "node:fs";
import { closeDatabase, currentTarget, database, describeTarget } from "@/server/db/client";
import { env } from "@/server/env";
import { personasState, seedPersonas } from "@/server/seed/seed-personas";

async function main(): Promise<number> {
  let appEnv: string;
  try {
    appEnv = env().APP_ENV;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  if (appEnv === "production") {
    console.error("Refus : APP_ENV=production. Les personas de démonstration ne sont jamais chargés dans une base de production.");
    return 1;
  }
  // PGlite creates its own folder, not the data directory above it.
  const target = currentTarget();
  if (target.kind === "pglite" && target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const db = await database();
  const where = describeTarget(db.target);
  try {
    const state = await personasState();
    if (state === "present") {
      console.log(`Personas de démonstration déjà présents dans ${where} : rien à faire.`);
      return 0;
    }
    if (state === "partial") {
      console.error(`Un chargement précédent s'est arrêté en cours de route dans ${where}. Videz cette base (pour PGlite : supprimez le dossier) puis relancez npm run db:seed.`);
      return 1;
    }
    console.log(`Chargement des personas de démonstration dans ${where}…`);
    const summary = await seedPersonas();
    console.log(
      `Terminé en ${(summary.ms / 1000).toFixed(1)} s : ${summary.resources} ressources FHIR, dont ${summary.documents} documents PDF, et ${summary.accounts} comptes (mot de passe Sante-Demo-2026!).`,
    );
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Échec du chargement des personas :", error);
    process.exit(1);
  },
);
