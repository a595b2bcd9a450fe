import "@/server/server-only";
import type { Binary } from "@medplum/fhirtypes";
import { fileResponse } from "../../documents/file-response";
import { ACCEPTED_TYPES } from "../../documents/upload-policy";
import { FhirError } from "../../fhir/errors";
import { binaryForm } from "../binary-accept";
import { parseNoParams } from "../parse-search";
import { resourceResponse } from "../responses";
import type { InteractionContext } from "./context";

/** The types a stored file can have (upload-policy.ts). */
const STORED_TYPES = Object.keys(ACCEPTED_TYPES);

const notAcceptable = () =>
  new FhirError(406, "not-supported", "Format non disponible : demandez application/fhir+json, */* ou le type du fichier.");

/**
 * GET Binary/[id]: where a DocumentReference's attachment url leads. The file is read under the
 * decision on the document it was uploaded with and audited as a download of that document
 * (ReadRepository.readBinary). The bytes go out with the same headers as the documents route
 * (file-response.ts: nosniff, attachment, a sandboxing CSP); a FHIR client gets a Binary
 * resource with the bytes in base64 `data`.
 */
export async function readBinaryInteraction({ request, url, id, repo }: InteractionContext): Promise<Response> {
  parseNoParams(url.searchParams);
  const accept = request.headers.get("accept");
  const format = url.searchParams.get("_format");
  // Refused before reading when no form could be served, so a refusal leaves no download in the trail.
  if (STORED_TYPES.every((type) => binaryForm(accept, format, type) === "none")) throw notAcceptable();
  const { document, binary, file } = await repo.readBinary(id);
  const form = binaryForm(accept, format, file.contentType);
  if (form === "none") throw notAcceptable();
  if (form === "raw") return fileResponse(document, file, false);
  const resource: Binary = { ...(binary as Binary), contentType: file.contentType, data: file.bytes.toString("base64") };
  return resourceResponse(resource);
}
