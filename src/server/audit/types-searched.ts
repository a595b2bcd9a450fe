/**
 * A search of several types at once (read-repository.ts's searchTypes: a person's immunizations,
 * conditions and procedures; a prescription's lines and dispensations) is one look, as FHIR's
 * `GET [base]?_type=Immunization,Condition,Procedure&patient=…` is one search: it leaves one
 * audit row, not one per type. Its entity names the types as `_type` does, comma-separated, and
 * its detail says how many of each were found beside the total.
 *
 * Why one row: a professional opening a record left six rows, three of them for the prevention
 * summary alone, so the patient's history showed one visit as a column of searches; and every
 * audit row is a row, five index entries and a hash in the chain written before the page
 * answers (issue 16: the three rows were most of what made the professional's record slower
 * than the documents page). Refusals are not grouped: each type's is its own row (search.ts).
 */
export type TypesSearched = { entity: string; detail: Record<string, number> };

const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

/** The row's entity and detail for `found` (type → results), in the order the types were asked. */
export function typesSearched(found: ReadonlyMap<string, number>, offset: number): TypesSearched {
  const types = [...found.keys()];
  if (types.length === 1) return { entity: types[0]!, detail: { results: found.get(types[0]!)!, offset } };
  let results = 0;
  const detail: Record<string, number> = {};
  for (const [type, count] of found) {
    detail[resultsKey(type)] = count;
    results += count;
  }
  return { entity: types.join(","), detail: { results, offset, ...detail } };
}

/** The types of a row's entity when it names several (`A,B`), else undefined. */
export function typesOfEntity(entity: string | null | undefined): string[] | undefined {
  if (!entity || !entity.includes(",")) return undefined;
  const types = entity.split(",");
  return types.length > 1 && types.every((type) => TYPE.test(type)) ? types : undefined;
}

/** The detail key holding how many resources of `type` a several-type search found. */
export function resultsKey(type: string): string {
  return `results.${type}`;
}
