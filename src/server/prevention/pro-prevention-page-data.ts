import "@/server/server-only";
import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { patientIdentity } from "../documents/patient-identity";
import { noteFirstAccess } from "../notifications/note-first-access";
import type { RequestScope } from "../documents/request-scope";
import { filledBilanOf, type FilledBilan } from "./bilan/filled-bilan";
import { preventionOf } from "./evaluate-patient";
import { groupItems } from "./group-items";
import { preventionRefusal } from "./prevention-refusal";
import type { PreventionItem } from "./types";

export type ProPreventionPageData = {
  patientId: string;
  name: string;
  /** Today, in Paris: the day the items were computed for. */
  date: string;
  /**
   * What is due or overdue, due within a year, and up to date: the only items the page shows.
   * Null when he is let in by an emergency access alone: prevention is for the professionals the
   * patient authorises (prevention-refusal.ts).
   */
  groups: { now: PreventionItem[]; soon: PreventionItem[]; upToDate: PreventionItem[] } | null;
  /** The record carries no full birth date: the calendar cannot be computed. */
  noBirthDate: boolean;
  /**
   * The questionnaires of « Mon bilan prévention » the patient shared, newest first, the last ten:
   * the search as this professional, so decide() leaves out the ones she kept (labelled V). None
   * under an emergency access alone, as the calendar.
   */
  bilans: FilledBilan[];
};

/**
 * The prevention calendar of a patient, as a professional they authorise may see it: the same
 * engine and calendar as the patient's own page (preventionOf), fed only with what this
 * professional may see of the record, read through the repository as them (so audited in the
 * patient's history), the reasons naming the patient. It has its own page, one tab beside the
 * record's documents, rather than a section above them: the record's every view read the
 * patient's vaccinations, conditions and procedures, and the patient's history said so, when the
 * professional had come for a document (issue 16). Nothing (undefined: the page answers 404) for
 * a patient this professional may not see, as on the record.
 */
export async function proPreventionPageData({ repo, actor }: RequestScope, patientId: string): Promise<ProPreventionPageData | undefined> {
  const identity = await patientIdentity(repo, patientId);
  if (!identity || actor.kind !== "practitioner") return undefined;
  const base = { patientId, name: identity.name, noBirthDate: false };
  // By the ground he is let in on, not by the session's emergency: authorised, he keeps the calendar with an emergency open too.
  if (await preventionRefusal(repo, patientId)) return { ...base, date: "", groups: null, bilans: [] };
  // Opened straight from a link, this tab may be the professional's first look at the record: the
  // patient is told, as from the documents tab (the notice needs only that they may see the patient).
  const [{ items, date }, bilans] = await Promise.all([
    preventionOf(repo, patientId, { patient: identity.patient, about: "other" }),
    repo.search<QuestionnaireResponse>("QuestionnaireResponse", { patientId, count: 10, sort: "-date" }),
    noteFirstAccess(repo, patientId),
  ]);
  const { now, soon, upToDate } = groupItems(items, date);
  return { ...base, date, groups: { now, soon, upToDate }, noBirthDate: items.length === 0, bilans: bilans.resources.map(filledBilanOf) };
}
