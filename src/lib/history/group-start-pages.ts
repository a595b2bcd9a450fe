export type HistoryGroupCounts = { others: number; refused: number; own: number };

/**
 * The page on which each group of the access history begins: the groups follow one another
 * (others' accesses, then refused attempts, then the patient's own actions), `pageSize` entries a
 * page. An empty group begins where the next one does, so its link never points past the end.
 * The history summary links each count to its page, so refused attempts are one click away even
 * when others' accesses fill many pages.
 */
export function groupStartPages(counts: HistoryGroupCounts, pageSize: number): HistoryGroupCounts {
  const pageOfEntry = (index: number) => Math.floor(index / pageSize) + 1;
  const total = counts.others + counts.refused + counts.own;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const start = (before: number) => Math.min(pageOfEntry(before), lastPage);
  return { others: 1, refused: start(counts.others), own: start(counts.others + counts.refused) };
}
