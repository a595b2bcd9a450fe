import "@/server/server-only";
import { formatHumanName } from "@/lib/fhir/human-name";
import { spaceOf } from "../access/actor";
import { readSpacePatient } from "../delegations/space-patient-name";
import type { RequestScope } from "../documents/request-scope";
import { isChildSpace } from "./child-space";
import { todayInParis } from "../prevention/days";
import { formatDay as formatLongDay } from "@/lib/documents/format";
import { formatDay } from "./growth-format";
import { ageInYears, GROWTH_MEASURES } from "./growth-measures";
import { isGrowthNotice, type GrowthNotice } from "./growth-notices";
import { sexOf, type GrowthPoint } from "./growth-points";
import { referenceSpan, type GrowthMeasure, type Sex } from "./growth-reference";
import { certificateTitle, loadGrowth } from "./load-growth";
import { majorityDay } from "./majority";

/** One measure of the carnet: its points, and whether the reference curves can draw them (sex known, age within the curves). */
export type GrowthMeasureData = { measure: GrowthMeasure; points: GrowthPoint[]; chart: boolean };

export type GrowthPageData = {
  /** The space the form posts for: the server refuses a measure for another space than the session's. */
  patientId: string;
  name: string;
  sex: Sex | null;
  /** The birth date (a day), the form's earliest date; null if unknown. */
  birthDate: string | null;
  /** Today, in Paris: the form's default date and its latest. */
  today: string;
  currentAge: number;
  /** A parent in their child's space: the day the child comes of age (written out), if the birth date says it. */
  guardian: { ofAgeOn: string | null } | null;
  /** Adding a measure: the person or a parent. */
  canWrite: boolean;
  /** The measures shown, in the carnet's order (head circumference only if measured or under 5). */
  measures: GrowthMeasureData[];
  /** The space's documents that are certificates, newest first; their day written out. */
  certificates: { id: string; title: string; day: string | null }[];
  notice: GrowthNotice | null;
};

/**
 * The carnet de santé of the space the session acts in: the growth measures on the reference
 * curves and the certificates among the documents, read through the one door (a minor's secret
 * stays out, whoever asks), and what the form to add a measure needs. Undefined in a space that
 * is not a child's (child-space.ts).
 */
export async function growthPageData({ actor, repo }: RequestScope, message: string | undefined): Promise<GrowthPageData | undefined> {
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  // An adult's space has no carnet: nothing more of the record is read (the banner reads the person anyway).
  if (!isChildSpace(actor, await readSpacePatient(repo, patientId), repo.now())) return undefined;
  const { patient, series, certificates } = await loadGrowth(repo, patientId);
  const today = todayInParis(repo.now());
  const sex = sexOf(patient) ?? null;
  const birthDate = patient.birthDate?.slice(0, 10) ?? null;
  const currentAge = birthDate ? ageInYears(birthDate, today) : 0;
  const ofAgeOn = birthDate ? majorityDay(birthDate) : undefined;
  const measures = GROWTH_MEASURES.flatMap((measure): GrowthMeasureData[] => {
    const points = series[measure];
    // Head circumference is followed in early childhood: shown when measured or under 5.
    if (measure === "ofc" && points.length === 0 && currentAge >= 5) return [];
    return [{ measure, points, chart: sex !== null && currentAge <= referenceSpan(measure, sex).to + 2 }];
  });
  return {
    patientId,
    name: formatHumanName(patient.name) ?? "cette personne",
    sex,
    birthDate,
    today,
    currentAge,
    // Written as the portal writes every day (« 10 septembre 2034 », a Paris calendar day), not « 10/09/2034 ».
    guardian: actor.kind === "guardian" ? { ofAgeOn: ofAgeOn ? formatLongDay(ofAgeOn) : null } : null,
    canWrite: actor.kind === "patient" || actor.kind === "guardian",
    measures,
    certificates: certificates.map((document) => ({
      id: document.id ?? "",
      title: certificateTitle(document),
      day: document.date ? formatDay(document.date.slice(0, 10)) : null,
    })),
    notice: isGrowthNotice(message) ? message : null,
  };
}
