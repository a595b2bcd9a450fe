/**
 * `npm run account:recover -- --patient <Patient id> --par "<operator>"` (or `--practitioner <id>`): for a holder who
 * lost her second factor (phone, passkeys) AND her recovery codes. Run by the service's
 * assistance only, after checking her identity out of band; see HELP below and
 * src/server/accounts/recover-account.ts. Run with `tsx --conditions react-server` (server-only modules).
 */
import { parseArgs } from "node:util";
import { recoverAccount, type RecoverInput } from "@/server/accounts/recover-account";
import { printActivationCode } from "./lib/print-activation-code";
import { runCommand } from "./lib/run-command";

const HELP = `Usage : npm run account:recover -- (--patient <id> | --practitioner <id>) --par "<votre nom ou identifiant>"

Pour une personne qui a perdu son second facteur (téléphone, clé d'accès) ET ses codes de secours.
Réservé à l'assistance du service, APRÈS avoir vérifié l'identité de la personne par un autre moyen
que l'appel lui-même : pièce d'identité, date de naissance et adresse e-mail du compte, comparées au
dossier. En cas de doute, ne lancez pas la commande.

Effet, en une seule transaction : le mot de passe, l'application d'authentification, les clés d'accès,
les codes de secours et les identités numériques liées du compte sont retirés, toutes ses sessions
fermées ; le compte redevient « à activer » avec un nouveau code d'activation (usage unique, 72 heures).
Le titulaire est prévenu par e-mail à l'adresse du compte.

Le code s'envoie à la personne par un canal que l'assistance a vérifié (courrier à l'adresse du dossier,
ou l'adresse e-mail du compte une fois vérifiée), jamais à la personne qui appelle. Elle l'utilise sur
la page d'activation avec sa date de naissance, choisit un nouveau mot de passe et un second facteur.
Relancer la commande remplace le code précédent.

--par est obligatoire : le nom ou l'identifiant de la personne de l'assistance qui lance la commande.
Il est gardé dans le journal du compte ; le titulaire, lui, lit « par l'assistance du service ».`;

const REASONS = {
  "no-operator": 'indiquez qui lance la commande : --par "<votre nom ou identifiant>"',
  "no-account": "aucun compte n'est lié à cette ressource (identifiant inconnu, ou personne jamais invitée : npm run account:invite)",
  "never-activated": "ce compte n'a jamais été activé : envoyez une nouvelle invitation (npm run account:invite)",
  disabled: "ce compte est désactivé",
} as const;

function main(): void {
  const { values } = parseArgs({ options: { patient: { type: "string" }, practitioner: { type: "string" }, par: { type: "string" }, help: { type: "boolean" } } });
  const kind = values.patient ? "patient" : values.practitioner ? "practitioner" : undefined;
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!kind || (values.patient && values.practitioner)) {
    console.error(HELP);
    process.exit(2);
  }
  const input: RecoverInput = { kind, resourceId: (values.patient ?? values.practitioner)!, operator: values.par ?? "", now: new Date() };
  runCommand("Récupération impossible", async () => {
    const result = await recoverAccount(input);
    if (!result.ok) {
      console.error(`Récupération refusée : ${REASONS[result.reason]}. Rien n'a été modifié.`);
      return 1;
    }
    console.log("Moyens de connexion retirés, sessions fermées, titulaire prévenu par e-mail.");
    printActivationCode(result, "Code d'activation (affiché une seule fois, à transmettre par un canal vérifié)");
    return 0;
  });
}

main();
