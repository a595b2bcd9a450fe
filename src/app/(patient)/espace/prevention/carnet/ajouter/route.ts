import { addVaccinationForm } from "@/lib/prevention/forms";
import { addVaccination } from "@/server/prevention/add-vaccination";
import { fieldsOf, preventionPost } from "@/server/prevention/prevention-post";

/** POST: adds a vaccination to the record from the list of vaccines sold in France. */
export async function POST(request: Request): Promise<Response> {
  return preventionPost(request, "/espace/prevention/carnet", async ({ repo }, patientId, form) => {
    const parsed = addVaccinationForm.safeParse(fieldsOf(form, ["product", "date", "lot"]));
    if (!parsed.success) return "invalide";
    await addVaccination(repo, patientId, parsed.data.product, parsed.data.date, parsed.data.lot || undefined);
    return "ajoute";
  });
}
