import type { DateFilter } from "./search-request";
import type { SqlParams } from "./search-sql";

/**
 * A FHIR date prefix as SQL on a timestamptz column, for every date bound of the store's
 * searches, the pages' filters and the audit trail. The filter's [start, end) is the period the
 * value's precision covers (a plain date is a Paris day: see src/lib/dates).
 */
export function dateTerm(column: string, filter: DateFilter, p: SqlParams): string {
  // Only the bounds a prefix uses become parameters: PostgreSQL refuses a parameter it cannot type.
  const start = () => p.add(filter.start.toISOString());
  const end = () => p.add(filter.end.toISOString());
  switch (filter.prefix) {
    case "eq":
      return `(${column} >= ${start()}::timestamptz AND ${column} < ${end()}::timestamptz)`;
    case "ne":
      return `(${column} < ${start()}::timestamptz OR ${column} >= ${end()}::timestamptz)`;
    case "lt":
    case "eb":
      return `${column} < ${start()}::timestamptz`;
    case "le":
      return `${column} < ${end()}::timestamptz`;
    case "gt":
    case "sa":
      return `${column} >= ${end()}::timestamptz`;
    case "ge":
      return `${column} >= ${start()}::timestamptz`;
  }
}
