import { spaceOf } from "@/server/access/actor";
import { recordGrowthMeasure } from "@/server/children/record-growth-measure";
import type { GrowthNotice } from "@/server/children/growth-notices";
import { growthTypedHeader } from "@/server/children/growth-typed";
import { formPost, notFoundResponse } from "@/server/http/form-post";
import { GROWTH_FIELDS, growthForm, noticeOfIssues } from "./schema";

/**
 * POST: records growth measures in the record of the space the session is in (a child's, for
 * their guardian): never a patient named by the form (its "espace" field only has to agree
 * with the session). Back to the page with a message code.
 */
export async function POST(request: Request): Promise<Response> {
  return formPost<GrowthNotice>(
    request,
    { page: "/espace/carnet-enfant", noticeFor: (status) => (status === 403 ? "refuse" : "echec"), typed: growthTypedHeader },
    async ({ actor, repo }, form) => {
      const patientId = spaceOf(actor);
      if (!patientId || actor.kind === "link") return { response: notFoundResponse() };
      // The page names the space it showed: if the session is no longer there (a guardianship
      // that ended at majority leaves the person in their own space), nothing is written to
      // whichever space the session fell back to. Identity still comes from the session only.
      if (form.get("espace") !== patientId) return { notice: "espace" };
      const fields = Object.fromEntries(GROWTH_FIELDS.map((name) => [name, textOf(form.get(name))]));
      const parsed = growthForm.safeParse(fields);
      if (!parsed.success) return { notice: noticeOfIssues(parsed.error) };
      const { date, poids, taille, perimetre } = parsed.data;
      return { notice: await recordGrowthMeasure(repo, patientId, { date, weight: poids, height: taille, ofc: perimetre }) };
    },
  );
}

/** A text field, or absent when empty (zod's optional then applies). */
function textOf(value: FormDataEntryValue | null): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
