import { setEmergencyAccess } from "@/server/privacy/set-emergency-access";
import { sharingPost } from "@/server/privacy/sharing-post";
import { emergencySchema } from "./schema";

export async function POST(request: Request): Promise<Response> {
  return sharingPost(request, emergencySchema, async ({ repo }, input) => {
    await setEmergencyAccess(repo, input.choix);
    return "urgence";
  });
}
