import { authoriseProfessional } from "@/server/privacy/authorise-professional";
import { carryRefusedProfessional, sharingPost } from "@/server/privacy/sharing-post";
import { endOfParisDay } from "@/lib/dates/paris-day";
import { authoriseSchema } from "./schema";

export async function POST(request: Request): Promise<Response> {
  const now = new Date();
  return sharingPost(
    request,
    authoriseSchema(now),
    async ({ repo }, input) => {
      const outcome = await authoriseProfessional(repo, {
        practitionerId: input.praticien,
        restricted: input.niveau === "R",
        until: input.jusqu_au ? endOfParisDay(input.jusqu_au) : undefined,
      });
      return outcome === "authorised" ? "autorise" : "modifie";
    },
    { invalid: { notice: "date", field: "jusqu_au", carryBack: carryRefusedProfessional } },
  );
}
