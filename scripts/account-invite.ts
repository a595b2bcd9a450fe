/**
 * `npm run account:invite -- --patient <Patient id> --email <address>` (or `--practitioner <id>`):
 * creates an activation code for the person's account and prints it once, with its activation
 * URL. Only a hash of the code is stored: lose the output and invite again (which replaces it).
 * Run with `tsx --conditions react-server` (server-only modules).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { inviteAccount } from "@/server/accounts/invite-account";
import { closeDatabase, database } from "@/server/db/client";
import { env } from "@/server/env";

const REASONS = {
  "not-found": "aucune ressource de ce type avec cet identifiant",
  // A holder who lost the password resets it from the sign-in page; one who lost both the second
  // factor and the recovery codes goes through the assistance (account:recover).
  "already-active": "ce compte est déjà activé (un mot de passe oublié se réinitialise depuis la page de connexion ; un second facteur perdu avec les codes de secours passe par l'assistance, qui vérifie l'identité puis lance npm run account:recover)",
  "email-taken": "cette adresse e-mail appartient déjà à un autre compte",
} as const;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { patient: { type: "string" }, practitioner: { type: "string" }, email: { type: "string" } } });
  const email = z.email().max(254).safeParse(values.email?.trim());
  const kind = values.patient ? "patient" : values.practitioner ? "practitioner" : undefined;
  if (!kind || (values.patient && values.practitioner) || !email.success) {
    console.error("Usage : npm run account:invite -- (--patient <id> | --practitioner <id>) --email <adresse>");
    return 2;
  }
  const db = await database();
  try {
    const result = await inviteAccount({ kind, resourceId: (values.patient ?? values.practitioner)!, email: email.data, now: new Date() });
    if (!result.ok) {
      console.error(`Invitation refusée : ${REASONS[result.reason]}.`);
      return 1;
    }
    console.log(`Code d'activation (affiché une seule fois) : ${result.code}`);
    console.log(`Adresse d'activation : ${env().APP_URL.replace(/\/$/, "")}/activer`);
    console.log(`Valable jusqu'au : ${result.expiresAt.toISOString()}`);
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
