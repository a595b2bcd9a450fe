import type { ChainProblem } from "./check-chain";
import type { ChainReport, VerifyReport } from "./verify-chain";

/**
 * The French summary printed by `npm run audit:verify`: one line per chain with the rows
 * checked, then each problem with the position and id of the row, so whoever reads it can go
 * straight to the row. The CLI prints each chain's lines as it is checked (describeChain), then
 * the result from the counts, so the summary of 100,000 chains is never held whole.
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

/** The lines of one chain: its rows checked, and each problem with its row. */
export function describeChain(chain: ChainReport): string[] {
  const checked = `${lignes(chain.rows)} vérifiée${chain.rows > 1 ? "s" : ""}`;
  if (chain.problems.length === 0) return [`  ${chainLabel(chain)} : ${checked}, intacte.`];
  const n = chain.problems.length;
  return [`  ${chainLabel(chain)} : ${checked}, ${n} problème${n > 1 ? "s" : ""} :`, ...chain.problems.map((problem) => `    - ${describeProblem(problem)}`)];
}

export const describeHeading = (where: string) => `Vérification de la chaîne d'audit : ${where}`;

/** The last line, from the report's counts (the chains themselves may have been printed as they came). */
export function describeResult(report: VerifyReport): string {
  const patients = report.chainCount;
  const chains = `${patients} chaîne${patients > 1 ? "s" : ""}`;
  if (report.ok) return `Résultat : chaîne d'audit intacte (${lignes(report.rows)} vérifiée${report.rows > 1 ? "s" : ""}, ${chains}).`;
  const broken = report.brokenChains;
  return `Résultat : ${report.problems} problème${report.problems > 1 ? "s" : ""} détecté${report.problems > 1 ? "s" : ""} dans ${broken} chaîne${broken > 1 ? "s" : ""} sur ${patients} (${lignes(report.rows)} vérifiée${report.rows > 1 ? "s" : ""}).`;
}

export function describeChainReport(report: VerifyReport, where: string): string[] {
  return [describeHeading(where), ...report.chains.flatMap(describeChain), describeResult(report)];
}
