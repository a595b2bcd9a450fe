import { prescriptionPost } from "@/server/prescriptions/prescription-post";
import { revokeLink } from "@/server/sharing/revoke-link";

/** POST: ends one of the space's links at once (the next request through it answers 404). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; linkId: string }> }): Promise<Response> {
  const { id, linkId } = await params;
  return prescriptionPost(request, id, async ({ repo }) => {
    await revokeLink(repo, linkId);
    return { notice: "lien-revoque" };
  });
}
