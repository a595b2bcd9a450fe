import { addVaccinationForm, type PreventionNotice } from "@/lib/prevention/forms";
import { addVaccination } from "@/server/prevention/add-vaccination";
import { FhirError } from "@/server/fhir/errors";
import { fieldsOf, preventionPost } from "@/server/prevention/prevention-post";
import { VACCINE_PRODUCTS } from "@/server/prevention/vaccine-products";

/**
 * POST: adds a vaccination to the record from the list of vaccines sold in France. Refused for
 * its date or its lot alone, the answer says which (the page marks that field); anything else,
 * a product not on the list (a form the page never sends), is the general refusal.
 */
export async function POST(request: Request): Promise<Response> {
  return preventionPost(request, "/espace/prevention/carnet", async ({ repo }, patientId, form) => {
    const parsed = addVaccinationForm.safeParse(fieldsOf(form, ["product", "date", "lot"]));
    if (!parsed.success) return refusedFor(new Set(parsed.error.issues.map((issue) => String(issue.path[0]))));
    if (!VACCINE_PRODUCTS.some((p) => p.id === parsed.data.product)) return "invalide";
    try {
      await addVaccination(repo, patientId, parsed.data.product, parsed.data.date, parsed.data.lot || undefined);
    } catch (error) {
      // The product is known: what the record refuses as unprocessable is the day (record-done.ts: checkDay).
      if (error instanceof FhirError && error.status === 422) return "date-invalide";
      throw error;
    }
    return "ajoute";
  });
}

/** The code for the fields zod refused: one field named when it is the only one at fault. */
function refusedFor(fields: Set<string>): PreventionNotice {
  if (fields.size !== 1) return "invalide";
  return fields.has("date") ? "date-invalide" : fields.has("lot") ? "lot-invalide" : "invalide";
}
