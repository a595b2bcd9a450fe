import { parisDayOf, type Day } from "./paris-day";

/**
 * The last Paris day an access ending at `expiry` still covers. The rules keep an end as the first
 * instant no longer covered (fhirExpiry): 00:00 the day after a plain last day, or the instant an
 * authorisation's form stored (23:59:59.999 of its last day). Formatting the expiry itself said
 * the day after for a delegation (« jusqu'au 1er février » for one ending on 31 January).
 */
export function lastDayCovered(expiry: Date | string): Day {
  return parisDayOf(new Date(new Date(expiry).getTime() - 1));
}
