import { documentPost, versionField } from "@/server/documents/document-post";
import { isConfidentiality, setConfidentiality } from "@/server/documents/set-confidentiality";
import { invalid } from "@/server/fhir/errors";

/** POST niveau=N|R|V&version=<n>: the document's confidentiality level. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return documentPost(request, id, async ({ repo }, form) => {
    const level = form.get("niveau");
    if (typeof level !== "string" || !isConfidentiality(level)) throw invalid("niveau");
    await setConfidentiality(repo, id, level, versionField(form));
    return { path: `/espace/documents/${id}`, notice: "niveau" };
  });
}
