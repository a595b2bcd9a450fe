import { setResearchChoice } from "@/server/privacy/set-research-choice";
import { sharingPost } from "@/server/privacy/sharing-post";
import { researchSchema } from "./schema";

export async function POST(request: Request): Promise<Response> {
  return sharingPost(request, researchSchema, async ({ repo }, input) => {
    await setResearchChoice(repo, input.choix === "oui");
    return "recherche";
  });
}
