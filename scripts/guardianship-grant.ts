/**
 * `npm run guardianship:grant -- --majeur <e-mail> --representant <e-mail> --fin AAAA-MM-JJ --decision "<référence>"`
 * (plus `--prenom --nom --naissance` for a representative with no account yet): records a judge's
 * protection measure of an adult with representation. Run by the service's assistance only, after
 * reading the decision; see HELP and src/server/guardianship/grant-protection-measure.ts.
 * Run with `tsx --conditions react-server` (server-only modules).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { isDay } from "@/lib/dates/paris-day";
import { grantProtectionMeasure, type GrantRefusal } from "@/server/guardianship/grant-protection-measure";
import { printActivationCode } from "./lib/print-activation-code";
import { runCommand } from "./lib/run-command";

const HELP = `Usage : npm run guardianship:grant -- --majeur <e-mail du compte de la personne protégée> --representant <e-mail> --fin AAAA-MM-JJ --decision "<référence de la décision>"
         [--prenom <prénom> --nom <nom> --naissance AAAA-MM-JJ]   (représentant sans compte)

Enregistre une mesure de protection d'un majeur avec représentation (tutelle, Code civil art. 440 al. 3 ;
habilitation familiale générale avec représentation, art. 494-1 et suivants), APRÈS lecture de la décision
du juge par l'assistance du service. En cas de doute sur la décision, ne lancez pas la commande.

--fin : le dernier jour de la mesure fixé par le juge (inclus). Obligatoire : le juge fixe toujours une durée
(art. 441 : cinq ans au plus, dix ans pour une tutelle sur avis médical ; art. 442 : renouvellement jusqu'à
vingt ans ; art. 494-6 pour l'habilitation familiale). Refusée si elle est passée ou à plus de vingt ans.
--decision : la référence de la décision, par exemple « Jugement du juge des contentieux de la protection
de Lyon, 12/03/2026, RG 26/01234 ». Elle est montrée à la personne protégée.

Effet : le représentant agit dans l'espace de la personne protégée jusqu'au soir du dernier jour, sans
limite de droits ; la personne protégée garde son propre accès. Une mesure déjà enregistrée pour les deux
mêmes personnes est remplacée (renouvellement). Les deux sont prévenus par e-mail. Pour une mainlevée :
npm run guardianship:end.`;

const REASONS: Record<GrantRefusal, string> = {
  decision: "indiquez la référence de la décision (--decision, une ligne de 300 caractères au plus)",
  "end-day": "la date de fin (--fin AAAA-MM-JJ) doit être un jour réel, entre aujourd'hui et vingt ans au plus",
  "adult-unknown": "aucun compte de patient n'a cette adresse (--majeur)",
  "adult-minor": "la personne est mineure d'après son dossier : ses représentants légaux sont ses parents",
  "representative-unknown": "aucun compte n'a l'adresse du représentant : indiquez --prenom, --nom et --naissance pour lui ouvrir un compte",
  "representative-professional": "l'adresse du représentant est celle d'un compte de professionnel",
  "same-person": "la personne protégée ne peut pas être son propre représentant",
};

const email = z.email().max(254);

function main(): void {
  const { values } = parseArgs({
    options: {
      majeur: { type: "string" },
      representant: { type: "string" },
      fin: { type: "string" },
      decision: { type: "string" },
      prenom: { type: "string" },
      nom: { type: "string" },
      naissance: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const adult = email.safeParse(values.majeur?.trim());
  const representative = email.safeParse(values.representant?.trim());
  const named = [values.prenom, values.nom, values.naissance].filter((value) => value !== undefined).length;
  const names = z.string().trim().min(1).max(80).regex(/^[^<>]+$/);
  const given = names.safeParse(values.prenom);
  const family = names.safeParse(values.nom);
  if (!adult.success || !representative.success || (named > 0 && (named < 3 || !given.success || !family.success || !isDay(values.naissance ?? "")))) {
    console.error(HELP);
    process.exit(2);
  }
  runCommand("Enregistrement impossible", async () => {
    const result = await grantProtectionMeasure({
      adultEmail: adult.data,
      representativeEmail: representative.data,
      newRepresentative: named === 3 && given.success && family.success ? { given: given.data, family: family.data, birthDate: values.naissance! } : undefined,
      endDay: values.fin,
      decision: values.decision,
      now: new Date(),
    });
    if (!result.ok) {
      console.error(`Mesure refusée : ${REASONS[result.reason]}. Rien n'a été enregistré.`);
      return 1;
    }
    console.log(`${result.renewed ? "Mesure renouvelée" : "Mesure enregistrée"} (RelatedPerson/${result.relatedPersonId}) : les deux personnes sont prévenues par e-mail.`);
    if (result.activation) printActivationCode(result.activation, "Code d'activation du représentant (affiché une seule fois, à lui transmettre par un canal vérifié)");
    return 0;
  });
}

main();
