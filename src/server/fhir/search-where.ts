import "@/server/server-only";
import { agentRef } from "../access/actor";
import { domainOf } from "../access/facts";
import { rowFilter } from "../access/row-filter";
import { BINARY_DOCUMENT_ID_SQL } from "./document-files";
import { invalid } from "./errors";
import { isUuid } from "./ids";
import type { ReadRepository as Repository } from "./read-repository";
import { rowFilterSql } from "./row-filter-sql";
import type { SearchFilters } from "./search-filters";
import type { SearchRequest } from "./search-request";
import { searchTerms, typeLiteral, type SqlParams } from "./search-sql";

/**
 * The WHERE of a search of one type: the type, the actor's rules in a patient's compartment (or
 * the directory's decision), then the parameters. Undefined when the actor may see nothing
 * there (a refused compartment search is audited as such). `filters`: the row filters of the
 * statement this WHERE is part of, when it has several (search-filters.ts).
 */
export async function searchWhere(
  repo: Repository,
  type: string,
  request: SearchRequest,
  p: SqlParams,
  { patientInitPlan = false, filters }: { patientInitPlan?: boolean; filters?: SearchFilters } = {},
): Promise<string | undefined> {
  const domain = domainOf(type);
  if (!domain || domain === "audit") throw invalid(`Recherche non prise en charge pour ${type.slice(0, 64)}`);
  const where = [`resource_type = ${typeLiteral(type)}`, "NOT deleted"];
  const patientId = request.patientId;
  if (domain === "directory") {
    const decision = await repo.decideOn("search", { resourceType: type, confidentiality: "N", labels: [] });
    if (!decision.allow) return undefined;
  } else if (patientId === undefined) {
    // Only the system searches across patients (jobs); everyone else names whose record.
    if (repo.actor.kind !== "system") throw invalid("Le paramètre « patient » est obligatoire pour ce type de ressource.");
  } else {
    if (!isUuid(patientId)) return undefined;
    const rules = await repo.rulesForDecision(patientId);
    const filter = filters ? filters.of(type, rules) : rowFilter(repo.actor, "search", type, rules, repo.now());
    if (filter.kind === "none") {
      await repo.audit({ patientId, entity: type, interaction: "search", outcome: "denied", reason: "no-access" });
      return undefined;
    }
    // patientInitPlan: the patient as a sub-select the planner cannot see into (document-facets.ts says why).
    where.push(patientInitPlan ? `patient_id = (SELECT ${p.add(patientId)}::uuid)` : `patient_id = ${p.add(patientId)}::uuid`);
    where.push(
      rowFilterSql(
        filter,
        {
          hiddenIds: [...rules.hiddenDocuments],
          linkPrescriptionId: repo.actor.kind === "link" ? repo.actor.prescriptionId : undefined,
          // A file is hidden when its document is (factsOfRow does the same for reads).
          hiddenIdColumn: type === "Binary" ? BINARY_DOCUMENT_ID_SQL : undefined,
          // A professional's conversations are those naming them (actor_ref of a Communication).
          participantRef: agentRef(repo.actor),
        },
        p.add,
      ),
    );
    // And what the other reader may read (search-request.ts): the same filter, for that actor,
    // on the patient's own rules (the searcher's decision may not have needed them: a patient).
    const other = request.readableBy;
    if (other) {
      const allRules = await repo.rules(patientId);
      where.push(
        rowFilterSql(
          rowFilter(other, "read", type, allRules, repo.now()),
          { hiddenIds: [...allRules.hiddenDocuments], hiddenIdColumn: type === "Binary" ? BINARY_DOCUMENT_ID_SQL : undefined, participantRef: agentRef(other) },
          p.add,
        ),
      );
    }
  }
  where.push(...searchTerms(request, p));
  return where.join(" AND ");
}
