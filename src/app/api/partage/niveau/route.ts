import { setDefaultLevel } from "@/server/privacy/set-default-level";
import { sharingPost } from "@/server/privacy/sharing-post";
import { defaultLevelSchema } from "./schema";

export async function POST(request: Request): Promise<Response> {
  return sharingPost(request, defaultLevelSchema, async ({ repo }, input) => {
    await setDefaultLevel(repo, input.niveau);
    return "niveau";
  });
}
