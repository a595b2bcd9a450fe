import { remindersForm } from "@/lib/prevention/forms";
import { restore, silence } from "@/server/prevention/preferences";
import { fieldsOf, preventionPost } from "@/server/prevention/prevention-post";

/** POST "Ne plus me le rappeler" (per theme or for all) and its undoing. */
export async function POST(request: Request): Promise<Response> {
  return preventionPost(request, "/espace/prevention", async ({ repo }, patientId, form) => {
    const parsed = remindersForm.safeParse(fieldsOf(form, ["theme", "action"]));
    if (!parsed.success) return "invalide";
    if (parsed.data.action === "silence") await silence(repo, patientId, parsed.data.theme);
    else await restore(repo, patientId, parsed.data.theme);
    return "rappels";
  });
}
