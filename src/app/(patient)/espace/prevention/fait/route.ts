import { doneForm, type PreventionNotice } from "@/lib/prevention/forms";
import type { RequestScope } from "@/server/documents/request-scope";
import { env } from "@/server/env";
import { FhirError } from "@/server/fhir/errors";
import { clearTypedHeader, keepTypedHeader } from "@/server/http/typed-form-cookie";
import { DONE_FORM, doneTypedOf, doneTypedWhere } from "@/server/prevention/done-typed";
import { CURRENT_CALENDAR } from "@/server/prevention/evaluate-patient";
import { fieldsOf, preventionPost } from "@/server/prevention/prevention-post";
import { recordDone } from "@/server/prevention/record-done";

/**
 * POST "C'est fait": records the vaccination or screening of an item on the given day (declared by
 * the person). Refused for its day alone (empty, not a day, in the future, before the birth), the
 * answer says so and names the item, whose date field the page then marks; an item the calendar
 * does not have (a form the page never sends) is the general refusal.
 */
export async function POST(request: Request): Promise<Response> {
  return preventionPost(request, "/espace/prevention", async ({ repo }, patientId, form) => {
    const fields = fieldsOf(form, ["item", "date"]);
    const item = CURRENT_CALENDAR.rules.find((rule) => rule.item === fields.item)?.item;
    if (!item) return "invalide";
    const dateRefused: { notice: PreventionNotice; item: string } = { notice: "date-invalide", item };
    const parsed = doneForm.safeParse(fields);
    if (!parsed.success) return dateRefused;
    try {
      await recordDone(repo, patientId, item, parsed.data.date);
    } catch (error) {
      // The item is known: what the record refuses as unprocessable is the day (record-done.ts: checkDay).
      if (error instanceof FhirError && error.status === 422) return dateRefused;
      throw error;
    }
    return "fait";
  }, keepDay);
}

/** Refused for its day, the day typed comes back to the item's field (done-typed.ts); otherwise it is forgotten. */
function keepDay(scope: RequestScope, form: FormData, notice: PreventionNotice): string {
  const production = env().APP_ENV === "production";
  if (notice !== "date-invalide") return clearTypedHeader(DONE_FORM, production);
  return keepTypedHeader(DONE_FORM, production, doneTypedOf(form), scope.session.sessionId, doneTypedWhere(scope));
}
