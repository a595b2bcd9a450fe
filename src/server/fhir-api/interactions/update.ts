import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import { invalid } from "../../fhir/errors";
import { parseIfMatch } from "../if-match";
import { parseNoParams } from "../parse-search";
import { readJsonBody } from "../read-json-body";
import { resourceResponse } from "../responses";
import type { InteractionContext } from "./context";

/**
 * PUT [type]/[id]: a new version of an existing resource (no create-on-update). The body's id,
 * if any, must be the address's; `If-Match: W/"n"` makes a stale write a 412 that changes nothing.
 */
export async function updateInteraction({ request, url, type, id, repo, base }: InteractionContext): Promise<Response> {
  parseNoParams(url.searchParams);
  const ifMatch = parseIfMatch(request.headers.get("if-match"));
  const body = await readJsonBody(request);
  if (body.resourceType !== type) throw invalid("Le resourceType du corps ne correspond pas à l'adresse.");
  // The address's id is canonical (lower case); the body may name it in any case.
  const bodyId = typeof body.id === "string" ? body.id.toLowerCase() : body.id;
  if (bodyId !== undefined && bodyId !== id) throw invalid("L'id du corps ne correspond pas à l'adresse.");
  const updated = await repo.update({ ...body, id } as unknown as Resource, { ifMatch });
  return resourceResponse(updated, 200, { "content-location": `${base}/${type}/${id}/_history/${updated.meta?.versionId ?? ""}` });
}
