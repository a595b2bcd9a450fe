/**
 * `npm run account:invite -- --patient <Patient id> --email <address>` (or `--practitioner <id>`):
 * creates an activation code for the person's account and prints it once, with its activation
 * URL. Only a hash of the code is stored: lose the output and invite again (which replaces it).
 * Run with `tsx --conditions react-server` (server-only modules).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { inviteAccount, type InviteInput } from "@/server/accounts/invite-account";
import { printActivationCode } from "./lib/print-activation-code";
import { runCommand } from "./lib/run-command";

const REASONS = {
  "not-found": "aucune ressource de ce type avec cet identifiant",
  // A holder who lost the password resets it from the sign-in page; one who lost both the second
  // factor and the recovery codes goes through the assistance (account:recover).
  "already-active": "ce compte est déjà activé (un mot de passe oublié se réinitialise depuis la page de connexion ; un second facteur perdu avec les codes de secours passe par l'assistance, qui vérifie l'identité puis lance npm run account:recover)",
  "email-taken": "cette adresse e-mail appartient déjà à un autre compte",
} as const;

function main(): void {
  const { values } = parseArgs({ options: { patient: { type: "string" }, practitioner: { type: "string" }, email: { type: "string" } } });
  const email = z.email().max(254).safeParse(values.email?.trim());
  const kind = values.patient ? "patient" : values.practitioner ? "practitioner" : undefined;
  if (!kind || (values.patient && values.practitioner) || !email.success) {
    console.error("Usage : npm run account:invite -- (--patient <id> | --practitioner <id>) --email <adresse>");
    process.exit(2);
  }
  const input: InviteInput = { kind, resourceId: (values.patient ?? values.practitioner)!, email: email.data, now: new Date() };
  runCommand("Invitation impossible", async () => {
    const result = await inviteAccount(input);
    if (!result.ok) {
      console.error(`Invitation refusée : ${REASONS[result.reason]}.`);
      return 1;
    }
    printActivationCode(result, "Code d'activation (affiché une seule fois)");
    return 0;
  });
}

main();
