/**
 * `npm run account:reopen -- --patient <Patient id> --par "<operator>"`: gives a closed space back
 * to its holder (CSP art. R1111-36). Run by the service's assistance only, after checking her
 * identity out of band; see HELP below and src/server/accounts/reopen-space.ts. Run with
 * `tsx --conditions react-server` (server-only modules).
 */
import { parseArgs } from "node:util";
import { reopenSpace } from "@/server/accounts/reopen-space";
import { runCommand } from "./lib/run-command";

const HELP = `Usage : npm run account:reopen -- --patient <id> --par "<votre nom ou identifiant>"

Rouvre l'espace santé qu'une personne a clôturé (« Clôturer mon espace »), à sa demande.
Réservé à l'assistance du service, APRÈS avoir vérifié l'identité de la personne par un autre moyen
que l'appel lui-même : pièce d'identité, date de naissance et adresse e-mail du compte, comparées au
dossier. En cas de doute, ne lancez pas la commande.

Effet, en une seule transaction : l'espace redevient actif avec toutes ses données, le compte se
connecte de nouveau avec ses moyens habituels (mot de passe, second facteur), une suppression des
données demandée à la clôture est annulée. Les accès des proches et les liens de partage avec une
pharmacie, terminés à la clôture, ne reviennent pas. Le titulaire est prévenu par e-mail.

Si la personne a aussi perdu ses moyens de connexion : npm run account:recover ensuite.

--par est obligatoire : le nom ou l'identifiant de la personne de l'assistance qui lance la commande.`;

const REASONS = {
  "no-operator": 'indiquez qui lance la commande : --par "<votre nom ou identifiant>"',
  "not-closed": "aucun espace clôturé n'a cet identifiant (jamais clôturé, déjà rouvert, ou données déjà supprimées)",
} as const;

function main(): void {
  const { values } = parseArgs({ options: { patient: { type: "string" }, par: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!values.patient) {
    console.error(HELP);
    process.exit(2);
  }
  runCommand("Réouverture impossible", async () => {
    const result = await reopenSpace({ patientId: values.patient!, operator: values.par ?? "", now: new Date() });
    if (!result.ok) {
      console.error(`Réouverture refusée : ${REASONS[result.reason]}. Rien n'a été modifié.`);
      return 1;
    }
    console.log("Espace rouvert avec ses données, compte réactivé, titulaire prévenu par e-mail.");
    return 0;
  });
}

main();
