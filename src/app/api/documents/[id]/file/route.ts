import { fileNotFound, fileResponse } from "@/server/documents/file-response";
import { optionalRequestScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";
import { unauthorized } from "@/server/http/unauthorized";

/**
 * GET /api/documents/<id>/file[?affichage=integre]: the file of a document, through the
 * repository (access decision on the document, audited as a download). Anything the actor may
 * not see answers exactly like a document that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  const inline = new URL(request.url).searchParams.get("affichage") === "integre";
  try {
    const { document, file } = await scope.repo.readDocumentFile(id);
    return fileResponse(document, file, inline);
  } catch (error) {
    if (error instanceof FhirError) return fileNotFound();
    throw error;
  }
}
