import { optionalRequestScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";
import { notFoundResponse } from "@/server/http/form-post";
import { lostSpaceAnswer } from "@/server/http/lost-space-answer";
import { pdfAttachment } from "@/server/http/pdf-attachment";
import { answerReadLimit } from "@/server/http/read-limited-response";
import { unauthorized } from "@/server/http/unauthorized";
import { vaccinationCertificatePdf } from "@/server/prevention/vaccination-certificate-pdf";

/**
 * GET: the certificate of vaccination of the space the session acts in, as a PDF file
 * (the printable page's facts, read and audited through the repository). A session with no
 * patient's space, or a caregiver whose delegation does not reach the vaccinations, gets the
 * plain 404 of anything not there; past the account's reads of the minute, 429 (wait). A space
 * the session no longer reaches (a caregiver's delegation withdrawn, a child come of age) gives
 * nothing, as the record's copy: the session then acts as the person herself, and the button of
 * the space she acted in handed her her own certificate, under her own name, to send to the
 * other's school (found by the attack round, certificate-lost-space.test.ts).
 */
export async function GET(request: Request): Promise<Response> {
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  const lost = lostSpaceAnswer(scope, request);
  if (lost) return lost;
  try {
    const pdf = await vaccinationCertificatePdf(scope);
    if (!pdf) return notFoundResponse();
    return pdfAttachment(pdf.bytes, pdf.fileName);
  } catch (error) {
    const limited = answerReadLimit(error);
    if (limited) return limited;
    // A read the repository refused (the space's rules changed between the session's check and the read): as anything not there.
    if (error instanceof FhirError) return notFoundResponse();
    throw error;
  }
}
