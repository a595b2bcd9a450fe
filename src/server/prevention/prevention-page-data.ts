import "@/server/server-only";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { PreventionNotice } from "@/lib/prevention/forms";
import { spaceOf } from "../access/actor";
import { listSpaces, type Space } from "../auth/list-spaces";
import { readSpacePatient } from "../delegations/space-patient-name";
import { reachesPart } from "../delegations/space-parts";
import type { RequestScope } from "../documents/request-scope";
import { concernsPerson } from "./concerns-person";
import { todayInParis } from "./days";
import { sexOf } from "./extract-facts";
import { preventionOf } from "./evaluate-patient";
import { groupItems } from "./group-items";
import { queryValue } from "../pages/query-page";
import { loadPreferences } from "./preferences";
import { preventionNotice } from "./prevention-notice";
import type { PreventionItem, Theme } from "./types";

export type PreventionPageData = {
  /** The person's own space ("Prévention"), or someone else's ("Prévention de Léo …"). */
  self: boolean;
  name: string;
  items: readonly PreventionItem[];
  /**
   * The caregiver's delegation does not reach the record (vaccinations, illnesses, screenings):
   * the calendar would be worked out from an empty history, so it is not worked out at all.
   */
  recordOutOfReach: boolean;
  /** Today, in Paris: the day the items were computed for. */
  date: string;
  preferences: { all: boolean; themes: Theme[] };
  /** "C'est fait" and "Ne plus me le rappeler": the person or a parent. */
  canWrite: boolean;
  /**
   * Reading and making the choice of prevention messages (a Consent): the person, a parent, a
   * caregiver who manages the sharing settings. Others cannot read it: the page leaves it out.
   */
  mayChooseReminders: boolean;
  /** A parent's children's spaces, to open their calendars: in the parent's own space only. */
  children: Space[];
  notice: PreventionNotice | null;
  /**
   * The item whose « C'est fait » came back refused for its day (?message=date-invalide&item=…),
   * when the page shows that item's form: its date field is marked. Null otherwise.
   */
  refusedItem: PreventionItem | null;
};

/**
 * The prevention calendar of the space the session acts in (issue 14), computed by the engine
 * from that record (a guardian sees their child's); a parent or a caregiver reads about someone
 * else, so the reasons name them rather than say « vous ». A caregiver whose delegation does not
 * reach the record gets no calendar: worked out from a history they cannot see, it would tell them
 * a vaccination is due that the person has had.
 */
export async function preventionPageData(
  { session, actor, repo, ctx }: RequestScope,
  message: string | string[] | undefined,
  refused: string | string[] | undefined = undefined,
): Promise<PreventionPageData> {
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  const self = actor.kind === "patient";
  const recordOutOfReach = !(await reachesPart(repo, "record"));
  const [{ patient, items, date }, preferences, spaces, mayChooseReminders] = await Promise.all([
    recordOutOfReach
      ? readSpacePatient(repo, patientId).then((patient) => ({ patient, items: [], date: todayInParis(repo.now()) }))
      : preventionOf(repo, patientId, { about: self ? "self" : "other" }).then(({ record, items, date }) => ({ patient: record.patient, items, date })),
    loadPreferences(repo, patientId),
    self ? listSpaces({ session, actor, repo, ctx }) : [],
    // The choice is a Consent of the record (preferences.ts): a caregiver reads and makes it only
    // with the right to manage the sharing settings; without it, the button got their click
    // refused and the page said the messages were on, having read no choice at all.
    actor.kind === "delegate" ? reachesPart(repo, "privacy") : actor.kind === "patient" || actor.kind === "guardian",
  ]);
  const notice = preventionNotice(message);
  const canWrite = actor.kind === "patient" || actor.kind === "guardian";
  const refusedName = notice === "date-invalide" ? queryValue(refused) : undefined;
  // Only an item whose card carries the form (to do now or soon, not done): a field that is not there is not marked.
  const { now, soon } = groupItems(items, date);
  const refusedItem = canWrite && refusedName !== undefined ? ([...now, ...soon].find((item) => item.item === refusedName) ?? null) : null;
  return {
    self,
    name: formatHumanName(patient.name) ?? "",
    // Listed only where it can concern the person (concerns-person.ts): the engine's items are unchanged.
    items: items.filter((item) => concernsPerson(item, { sex: sexOf(patient), birthDate: patient.birthDate }, date)),
    recordOutOfReach,
    date,
    preferences: { all: preferences.all, themes: [...preferences.themes] },
    canWrite,
    mayChooseReminders,
    children: spaces.filter((space) => space.kind === "guardian" && !space.adultMeasure),
    notice,
    refusedItem,
  };
}
