import { fileNotFound, fileResponse } from "@/server/documents/file-response";
import { optionalRequestScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";
import { answerReadLimit } from "@/server/http/read-limited-response";
import { unauthorized } from "@/server/http/unauthorized";

/**
 * GET /api/documents/<id>/file[?affichage=integre]: the file of a document, through the
 * repository (access decision on the document, audited as a download). Anything the actor may
 * not see answers exactly like a document that does not exist; an account past its reads of the
 * minute is told to wait (429), not that the document is gone.
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
    const limited = answerReadLimit(error);
    if (limited) return limited;
    if (error instanceof FhirError) return fileNotFound();
    throw error;
  }
}
