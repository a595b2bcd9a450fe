import { env } from "@/server/env";
import { emergencyPostScope } from "@/server/emergency/emergency-post-scope";
import { EMERGENCY_FORM } from "@/server/emergency/emergency-form-cookie";
import { parseEmergencyRequest } from "@/server/emergency/emergency-request";
import { openEmergencyAccess } from "@/server/emergency/open-emergency-access";
import { seeOther } from "@/server/http/see-other";
import { clearTypedHeader, keepTypedHeader, typedFields } from "@/server/http/typed-form-cookie";
import { readPlainForm } from "@/server/http/read-capped-body";

/**
 * POST nom, prenom, naissance | ins, motif: opens emergency access for this session, then shows
 * the patient's documents. Every refusal answers the same, whatever its cause, and gives the form
 * back what was typed (emergency-form-cookie.ts), which the opening clears.
 */
const ERROR_CODES = { refused: "refuse", throttled: "limite", role: "role" } as const;

export async function POST(request: Request): Promise<Response> {
  const scope = await emergencyPostScope(request);
  if (scope instanceof Response) return scope;
  const form = (await readPlainForm(request)) ?? new FormData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const parsed = parseEmergencyRequest({
    family: field("nom"),
    given: field("prenom"),
    birthDate: field("naissance"),
    ins: field("ins") || undefined,
    reason: field("motif") ?? "",
  });
  const production = env().APP_ENV === "production";
  const refusal = (code: string) => {
    const response = seeOther(`/pro/urgence?erreur=${code}`);
    response.headers.append("Set-Cookie", keepTypedHeader(EMERGENCY_FORM, production, typedFields(EMERGENCY_FORM, field), scope.session.sessionId));
    return response;
  };
  if (!parsed) return refusal("invalide");
  const outcome = await openEmergencyAccess(scope.repo, scope.session.sessionId, parsed);
  if (!outcome.ok) return refusal(ERROR_CODES[outcome.reason]);
  const opened = seeOther(`/pro/patients/${outcome.patientId}`);
  opened.headers.append("Set-Cookie", clearTypedHeader(EMERGENCY_FORM, production));
  return opened;
}
