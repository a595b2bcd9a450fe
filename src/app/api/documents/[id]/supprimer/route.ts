import { deleteOwnDocument } from "@/server/documents/delete-own-document";
import { documentPost } from "@/server/documents/document-post";
import { invalid } from "@/server/fhir/errors";
import { deleteSchema } from "./schema";

/** POST confirmation=oui&version=<n>: delete a document the patient added (a tombstone). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return documentPost(request, id, async ({ repo }, form) => {
    const parsed = deleteSchema.safeParse(Object.fromEntries(form.entries()));
    if (!parsed.success) throw invalid("confirmation");
    await deleteOwnDocument(repo, id, parsed.data.version);
    return { path: "/espace/documents", notice: "supprime" };
  });
}
