import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import { spaceOf } from "../../access/actor";
import { searchAuditEvents } from "../../audit/read-audit-events";
import { invalid } from "../../fhir/errors";
import { auditPageLinks } from "../audit-page-links";
import { searchBundle, searchBundleText } from "../bundle";
import { parseSearch } from "../parse-search";
import { fhirJson, fhirJsonText } from "../responses";
import type { InteractionContext } from "./context";

/**
 * GET [type]?params: one page of what the actor may see, as a searchset Bundle. Within a
 * patient's record the access rules are part of the SQL, so `_count`, `_offset` and `_total`
 * only ever count what is shown.
 */
export async function searchInteraction({ url, type, actor, repo, base }: InteractionContext): Promise<Response> {
  const { request, canonical } = parseSearch(type, url.searchParams);
  if (type === "AuditEvent") {
    const patientId = request.patientId ?? spaceOf(actor);
    if (!patientId) throw invalid("Le paramètre « patient » est obligatoire pour ce type de ressource.");
    const count = request.count ?? 0;
    const offset = request.offset ?? 0;
    const sort = request.sort === "date" ? "date" : "-date";
    const cursor = request.cursor;
    const page = await searchAuditEvents(repo, { patientId, count, offset, sort, date: request.date, total: request.total, after: cursor });
    const bundle = searchBundle(base, type, page.events, canonical, { offset, count, hasMore: page.hasMore, total: page.total });
    bundle.link = auditPageLinks(`${base}/${type}`, canonical, { offset, count, cursor, hasMore: page.hasMore, last: page.last });
    return fhirJson(bundle);
  }
  // The stored JSON of each resource goes into the Bundle as it is (see searchStoredJson).
  const result = await repo.searchJson(type as Resource["resourceType"], request);
  return fhirJsonText(
    searchBundleText(base, type, result.resources, canonical, { offset: result.offset, count: result.count, hasMore: result.hasMore, total: result.total }),
  );
}
