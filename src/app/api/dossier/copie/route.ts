import { optionalRequestScope } from "@/server/documents/request-repository";
import { env } from "@/server/env";
import { FhirError } from "@/server/fhir/errors";
import { RecordCopiesLimited } from "@/server/fhir/record-copy-limit";
import { refuseCrossSite } from "@/server/http/check-origin";
import { notFoundResponse } from "@/server/http/form-post";
import { lostSpaceAnswer } from "@/server/http/lost-space-answer";
import { answerReadLimit } from "@/server/http/read-limited-response";
import { seeOther } from "@/server/http/see-other";
import { recordCopyResponse } from "@/server/record-copy/record-copy-response";

/**
 * POST /api/dossier/copie, the form of /espace/copie: the copy of the record of the space the
 * session acts in, as a ZIP. POST, with the origin checked as for every form of the space: the
 * copy writes the patient's trail, so another site must not make a signed-in browser ask for it.
 * The body is not read: nothing in it could choose whose record. Signed out: to the sign-in page,
 * then back to the copy's page.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return seeOther(`/connexion?vers=${encodeURIComponent("/espace/copie")}`);
  const lost = lostSpaceAnswer(scope, request);
  if (lost) return lost;
  try {
    return await recordCopyResponse(scope);
  } catch (error) {
    const limited = answerReadLimit(error);
    if (limited) return limited;
    // Past the hour's copies: said in words on the copy's page, when the person may ask again.
    if (error instanceof RecordCopiesLimited) return seeOther("/espace/copie?message=trop-de-copies");
    if (error instanceof FhirError) return notFoundResponse();
    throw error;
  }
}
