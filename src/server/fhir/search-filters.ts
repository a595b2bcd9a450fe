import "@/server/server-only";
import type { Actor } from "../access/actor";
import { rowFilter, type RowFilter } from "../access/row-filter";
import type { PatientRules } from "../access/rules";

/**
 * The row filters one search statement decided on, for the other WHEREs of that statement: a
 * documents list's page and its filters' choices (document-facets.ts) are read in one statement,
 * each with the same actor's filter on the same type in the same patient's record, and that
 * filter was derived twice. rowFilter() asks decide() about 48 kinds of row: about 9 µs for a
 * caregiver, on the way to the list's statement (issue 16's timeline of a caregiver's documents
 * page: 18-22 µs each time, against 5-8 for the patient).
 *
 * Made for one search and dropped with it, so nothing decided here outlives the statement it was
 * decided for. A filter is reused only for the same rules object: the rules a repository reads
 * again after a write are a new object, and are decided on anew.
 */
export class SearchFilters {
  private readonly decided = new Map<string, { rules: PatientRules; filter: RowFilter }>();

  constructor(
    private readonly actor: Actor,
    private readonly now: () => Date,
  ) {}

  /** The actor's filter for searching `type` under these rules: decided once per search statement. */
  of(type: string, rules: PatientRules): RowFilter {
    const kept = this.decided.get(type);
    if (kept && kept.rules === rules) return kept.filter;
    const filter = rowFilter(this.actor, "search", type, rules, this.now());
    this.decided.set(type, { rules, filter });
    return filter;
  }
}
