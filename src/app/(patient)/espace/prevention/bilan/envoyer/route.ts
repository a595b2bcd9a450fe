import type { Patient } from "@medplum/fhirtypes";
import { fieldsOf, preventionPost } from "@/server/prevention/prevention-post";
import { bilanBandOf } from "@/server/prevention/bilan/band-of";
import { questionsOf } from "@/server/prevention/bilan/questionnaires";
import { submitBilan, type BilanAnswers } from "@/server/prevention/bilan/submit-bilan";
import { todayInParis } from "@/server/prevention/days";
import { bilanSchema } from "./schema";

/** POST the self-questionnaire of "Mon bilan prévention" for the space the session is in. */
export async function POST(request: Request): Promise<Response> {
  return preventionPost(request, "/espace/prevention/bilan", async ({ repo }, patientId, form) => {
    const patient = await repo.read<Patient>("Patient", patientId);
    const band = patient.birthDate ? bilanBandOf(patient.birthDate, todayInParis(repo.now())) : undefined;
    if (!band) return "bilan-invalide";
    const names = [...questionsOf(band).map((q) => q.linkId), "partage"];
    const parsed = bilanSchema(band).safeParse(fieldsOf(form, names));
    if (!parsed.success) return "bilan-invalide";
    const { partage, ...answers } = parsed.data;
    const given = Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "")) as BilanAnswers;
    // Blank: no date or field is at fault, so the answer says what to do instead.
    if (Object.keys(given).length === 0) return "bilan-vide";
    await submitBilan(repo, patientId, given, partage === "oui");
    return "bilan";
  });
}
