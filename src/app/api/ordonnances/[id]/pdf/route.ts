import { optionalRequestScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";
import { publicUrlOf } from "@/server/http/public-url";
import { unauthorized } from "@/server/http/unauthorized";
import { prescriptionPdf } from "@/server/prescriptions/prescription-pdf";
import { notFoundResponse } from "@/server/http/form-post";
import { pdfAttachment } from "@/server/http/pdf-attachment";
import { answerReadLimit } from "@/server/http/read-limited-response";

/**
 * GET: the PDF of a prescription of the actor's space, with its QR code. A prescription the
 * actor may not see answers exactly like one that does not exist; past the account's reads of
 * the minute, 429 (wait), not 404 (gone).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  try {
    const { bytes, fileName } = await prescriptionPdf(scope.repo, id, publicUrlOf(request.headers));
    return pdfAttachment(bytes, fileName);
  } catch (error) {
    const limited = answerReadLimit(error);
    if (limited) return limited;
    if (error instanceof FhirError) return notFoundResponse();
    throw error;
  }
}
