/**
 * `npm run guardianship:end -- --majeur <e-mail> --representant <e-mail>`: records that the judge
 * ended a protection measure before its last day (mainlevée). Run by the service's assistance
 * only, after reading that decision; see src/server/guardianship/end-protection-measure.ts.
 * Run with `tsx --conditions react-server` (server-only modules).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { endProtectionMeasure, type EndResult } from "@/server/guardianship/end-protection-measure";
import { runCommand } from "./lib/run-command";

const HELP = `Usage : npm run guardianship:end -- --majeur <e-mail du compte de la personne protégée> --representant <e-mail du représentant>

Enregistre la fin anticipée d'une mesure de protection (mainlevée, Code civil art. 442 al. 3), APRÈS lecture
de la décision du juge par l'assistance. Le représentant perd l'accès à l'espace dès sa requête suivante ;
la personne protégée et le représentant sont prévenus par e-mail. Une mesure qui arrive à son dernier jour
prend fin d'elle-même : rien à lancer.`;

const REASONS: Record<Extract<EndResult, { ok: false }>["reason"], string> = {
  "adult-unknown": "aucun compte de patient n'a cette adresse (--majeur)",
  "representative-unknown": "aucun compte de patient n'a l'adresse du représentant",
  "no-measure": "aucune mesure en cours n'est enregistrée pour ces deux personnes",
};

function main(): void {
  const { values } = parseArgs({ options: { majeur: { type: "string" }, representant: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const email = z.email().max(254);
  const adult = email.safeParse(values.majeur?.trim());
  const representative = email.safeParse(values.representant?.trim());
  if (!adult.success || !representative.success) {
    console.error(HELP);
    process.exit(2);
  }
  runCommand("Fin de mesure impossible", async () => {
    const result = await endProtectionMeasure({ adultEmail: adult.data, representativeEmail: representative.data, now: new Date() });
    if (!result.ok) {
      console.error(`Fin refusée : ${REASONS[result.reason]}. Rien n'a été modifié.`);
      return 1;
    }
    console.log(`Mesure terminée (RelatedPerson/${result.relatedPersonId}) : les deux personnes sont prévenues par e-mail.`);
    return 0;
  });
}

main();
