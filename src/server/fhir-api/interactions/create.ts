import "@/server/server-only";
import type { Communication, Resource } from "@medplum/fhirtypes";
import { FhirError, invalid } from "../../fhir/errors";
import { createMessage } from "../../messages/create-message";
import { parseNoParams } from "../parse-search";
import { readJsonBody } from "../read-json-body";
import { resourceResponse } from "../responses";
import type { InteractionContext } from "./context";

/**
 * POST [type]: a new resource. Its id, meta, compartment and author are the server's
 * (prepareForWrite): whatever the body says of them is replaced.
 */
export async function createInteraction({ request, url, type, repo, base }: InteractionContext): Promise<Response> {
  parseNoParams(url.searchParams);
  // No conditional create (capability-statement.ts): taken without its condition, a client's
  // retry meant to avoid a duplicate would create one. Refused, like a malformed If-Match.
  if (request.headers.has("if-none-exist")) throw new FhirError(400, "not-supported", "La création conditionnelle (If-None-Exist) n'est pas prise en charge.");
  const body = await readJsonBody(request);
  if (body.resourceType !== type) throw invalid("Le resourceType du corps ne correspond pas à l'adresse.");
  // A message tells its recipient in its own transaction, whichever door it came through.
  const created = type === "Communication" ? await createMessage(repo, body as unknown as Communication) : await repo.create(body as unknown as Resource);
  const location = `${base}/${type}/${created.id}/_history/${created.meta?.versionId ?? "1"}`;
  return resourceResponse(created, 201, { location });
}
