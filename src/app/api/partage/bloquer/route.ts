import { blockProfessional } from "@/server/privacy/block-professional";
import { sharingPost } from "@/server/privacy/sharing-post";
import { professionalSchema } from "../professional-schema";

export async function POST(request: Request): Promise<Response> {
  return sharingPost(request, professionalSchema, async ({ repo }, input) => {
    await blockProfessional(repo, input.praticien);
    return "bloque";
  });
}
