import "@/server/server-only";

/**
 * One resource's names in the trail, its versions' reads too: a vread's row names
 * "<Type>/<id>/_history/<n>" (read-repository.ts). Each name spelled out, so that an index led by
 * (patient, entity) finds them: a prefix match (`starts_with`) could not use it, and PostgreSQL
 * walked the patient's whole trail testing each row (history-of-a-document-plan.test.ts: 90,003
 * rows thrown away for 32; the pages bench's patient has 100,000). Up to the 50th version: a
 * document is rewritten for its metadata alone (its confidentiality, a title), a handful of times
 * in its life; a read of a later version is still in the whole history. Read by the history
 * narrowed to one resource (read-audit-events.ts) and by a document's « Qui a consulté ce
 * document » (read-audit.ts), so that both list the same reads.
 */
const VERSIONS_NAMED = 50;

export function entityAndVersions(entity: string): string[] {
  return [entity, ...Array.from({ length: VERSIONS_NAMED }, (_, i) => `${entity}/_history/${i + 1}`)];
}
