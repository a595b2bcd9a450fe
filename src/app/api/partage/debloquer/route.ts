import { unblockProfessional } from "@/server/privacy/unblock-professional";
import { sharingPost } from "@/server/privacy/sharing-post";
import { professionalSchema } from "../professional-schema";

export async function POST(request: Request): Promise<Response> {
  return sharingPost(request, professionalSchema, async ({ repo }, input) => {
    await unblockProfessional(repo, input.praticien);
    return "debloque";
  });
}
