import { doneForm } from "@/lib/prevention/forms";
import { fieldsOf, preventionPost } from "@/server/prevention/prevention-post";
import { recordDone } from "@/server/prevention/record-done";

/** POST "C'est fait": records the vaccination or screening of an item on the given day (declared by the person). */
export async function POST(request: Request): Promise<Response> {
  return preventionPost(request, "/espace/prevention", async ({ repo }, patientId, form) => {
    const parsed = doneForm.safeParse(fieldsOf(form, ["item", "date"]));
    if (!parsed.success) return "invalide";
    await recordDone(repo, patientId, parsed.data.item, parsed.data.date);
    return "fait";
  });
}
