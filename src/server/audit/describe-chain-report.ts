import type { ChainProblem } from "./check-chain";
import type { ChainReport, VerifyReport } from "./verify-chain";

/**
 * The French summary printed by `npm run audit:verify`: one line per chain with the rows
 * checked, then each problem with the position and id of the row, so whoever reads it can go
 * straight to the row.
 */
const row = (position: number, id: string) => `ligne ${position} (id ${id})`;

const lignes = (n: number) => `${n} ligne${n > 1 ? "s" : ""}`;

export function describeProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case "edited":
      return problem.how === "content"
        ? `${row(problem.position, problem.rowId)} modifiée : son contenu ne correspond plus à son empreinte.`
        : `${row(problem.position, problem.rowId)} modifiée puis ré-empreinte : ce qui la suit dans la chaîne ne s'y enchaîne plus.`;
    case "missing": {
      const span = problem.from === problem.to ? `ligne ${problem.from} manquante` : `lignes ${problem.from} à ${problem.to} manquantes`;
      const after = problem.afterRowId ? `après la ligne d'id ${problem.afterRowId}, ` : "au début de la chaîne, ";
      return `${span} : supprimée${problem.from === problem.to ? "" : "s"} ${after}avant la ligne d'id ${problem.beforeRowId}.`;
    }
    case "reordered":
      return `${row(problem.position, problem.rowId)} déplacée : elle apparaît après la ${row(problem.shownAfterPosition, problem.shownAfterRowId)}.`;
    case "forged": {
      const how = {
        "outside-chain": "sans position ni empreinte de chaîne",
        "duplicate-position": `à la position ${problem.position}, déjà occupée par une ligne authentique`,
        "beyond-head": `à la position ${problem.position}, au-delà de la tête de chaîne`,
      }[problem.how];
      return `ligne d'id ${problem.rowId} ajoutée à la main : ${how}.`;
    }
    case "truncated": {
      const last = problem.lastRowId ? `la dernière présente est la ${row(problem.lastPosition, problem.lastRowId)}` : "aucune ligne ne reste";
      return `fin de chaîne tronquée : la tête de chaîne compte ${lignes(problem.headPosition)}, ${last}.`;
    }
    case "head-missing":
      return `tête de chaîne absente : la fin de la chaîne (dernière : ${row(problem.lastPosition, problem.lastRowId)}) ne peut pas être vérifiée.`;
  }
}

function chainLabel(chain: ChainReport): string {
  return chain.chainKey === "-" ? "Lignes sans patient" : `Patient ${chain.chainKey}`;
}

export function describeChainReport(report: VerifyReport, where: string): string[] {
  const lines = [`Vérification de la chaîne d'audit : ${where}`];
  for (const chain of report.chains) {
    const checked = `${lignes(chain.rows)} vérifiée${chain.rows > 1 ? "s" : ""}`;
    if (chain.problems.length === 0) {
      lines.push(`  ${chainLabel(chain)} : ${checked}, intacte.`);
      continue;
    }
    const n = chain.problems.length;
    lines.push(`  ${chainLabel(chain)} : ${checked}, ${n} problème${n > 1 ? "s" : ""} :`);
    for (const problem of chain.problems) lines.push(`    - ${describeProblem(problem)}`);
  }
  const patients = report.chains.length;
  const chains = `${patients} chaîne${patients > 1 ? "s" : ""}`;
  if (report.ok) {
    lines.push(`Résultat : chaîne d'audit intacte (${lignes(report.rows)} vérifiée${report.rows > 1 ? "s" : ""}, ${chains}).`);
  } else {
    const broken = report.chains.filter((chain) => chain.problems.length > 0).length;
    lines.push(
      `Résultat : ${report.problems} problème${report.problems > 1 ? "s" : ""} détecté${report.problems > 1 ? "s" : ""} dans ${broken} chaîne${broken > 1 ? "s" : ""} sur ${patients} (${lignes(report.rows)} vérifiée${report.rows > 1 ? "s" : ""}).`,
    );
  }
  return lines;
}
