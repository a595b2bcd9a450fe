import { withdrawAuthorisation } from "@/server/privacy/withdraw-authorisation";
import { sharingPost } from "@/server/privacy/sharing-post";
import { professionalSchema } from "../professional-schema";

export async function POST(request: Request): Promise<Response> {
  return sharingPost(request, professionalSchema, async ({ repo }, input) => {
    await withdrawAuthorisation(repo, input.praticien);
    return "retire";
  });
}
