import { env } from "@/server/env";
import { FhirError } from "@/server/fhir/errors";
import { isUuid } from "@/server/fhir/repository";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { recordDispense } from "@/server/prescriptions/record-dispense";
import { notFoundResponse } from "@/server/http/form-post";
import { parseDispenseForm } from "@/server/sharing/dispense-form";
import { endedByDispensation } from "@/server/sharing/link-ended-dispensed";
import { linkPath, pharmacistScope } from "@/server/sharing/pharmacist-request";
import { readPlainForm } from "@/server/http/read-capped-body";

/**
 * POST: the pharmacist records what they handed over, line by line, within the link's session.
 * Recorded once however often it is posted (the form's key), refused when someone recorded
 * meanwhile (the form's state); a dead link or session answers "no longer available", but the
 * session's own link ended by the last dispensation answers "fully dispensed" (ended()). A line
 * whose choice and typed quantity disagree sends the form back, nothing recorded (dispense-form.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ linkId: string }> }): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const { linkId } = await params;
  if (!isUuid(linkId)) return notFoundResponse();
  const form = (await readPlainForm(request)) ?? new FormData();
  const input = parseDispenseForm(form);
  const scope = await pharmacistScope(linkId, request.headers, new Date());
  if (!scope) return ended(linkId, request.headers, input.formKey);
  if (input.unclear) return seeOther(linkPath(linkId, "?erreur=choix"));
  try {
    const result = await recordDispense(scope.repo, input);
    switch (result.kind) {
      case "recorded":
        return seeOther(result.completed ? linkPath(linkId, "/termine") : linkPath(linkId, "?message=enregistre"));
      case "already-recorded":
        return seeOther(linkPath(linkId, "?message=deja"));
      case "stale":
        return seeOther(linkPath(linkId, "?message=perime"));
      case "invalid":
        return seeOther(linkPath(linkId, "?erreur=quantite"));
    }
  } catch (error) {
    if (error instanceof FhirError && error.status === 404) return ended(linkId, request.headers, input.formKey);
    throw error;
  }
}

/**
 * A post the link no longer takes: within the session of a link that a dispensation completed,
 * the completed page (saying whether this form's delivery is the one recorded: a double click or
 * a resend, or another form that recorded nothing); otherwise « no longer available ».
 */
async function ended(linkId: string, headers: Headers, formKey: string): Promise<Response> {
  switch (await endedByDispensation(linkId, headers, new Date(), formKey)) {
    case "this-form":
      return seeOther(linkPath(linkId, "/termine"));
    case "other-form":
    case "page":
      return seeOther(linkPath(linkId, "/termine?formulaire=autre"));
    default:
      return seeOther(linkPath(linkId, "/indisponible"));
  }
}
