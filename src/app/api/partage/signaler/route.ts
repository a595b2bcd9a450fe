import { reportUnrecognisedAccess } from "@/server/privacy/report-unrecognised-access";
import { sharingPost } from "@/server/privacy/sharing-post";
import { reportSchema } from "./schema";

export async function POST(request: Request): Promise<Response> {
  return sharingPost(request, reportSchema, async ({ repo }, input) => {
    await reportUnrecognisedAccess(repo, input.acces);
    return "signale";
  });
}
