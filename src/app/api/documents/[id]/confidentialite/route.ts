import { documentPost } from "@/server/documents/document-post";
import { setConfidentiality } from "@/server/documents/set-confidentiality";
import { invalid } from "@/server/fhir/errors";
import { confidentialitySchema } from "./schema";

/** POST niveau=N|R|V&version=<n>: the document's confidentiality level. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return documentPost(request, id, async ({ repo }, form) => {
    const parsed = confidentialitySchema.safeParse(Object.fromEntries(form.entries()));
    if (!parsed.success) throw invalid("niveau");
    await setConfidentiality(repo, id, parsed.data.niveau, parsed.data.version);
    return { path: `/espace/documents/${id}`, notice: "niveau" };
  });
}
