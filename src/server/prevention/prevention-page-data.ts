import "@/server/server-only";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { PreventionNotice } from "@/lib/prevention/forms";
import { spaceOf } from "../access/actor";
import { listSpaces, type Space } from "../auth/list-spaces";
import type { RequestScope } from "../documents/request-scope";
import { preventionOf } from "./evaluate-patient";
import { loadPreferences } from "./preferences";
import { preventionNotice } from "./prevention-notice";
import type { PreventionItem, Theme } from "./types";

export type PreventionPageData = {
  /** The person's own space ("Prévention"), or someone else's ("Prévention de Léo …"). */
  self: boolean;
  name: string;
  items: readonly PreventionItem[];
  /** Today, in Paris: the day the items were computed for. */
  date: string;
  preferences: { all: boolean; themes: Theme[] };
  /** "C'est fait" and "Ne plus me le rappeler": the person or a parent. */
  canWrite: boolean;
  /** Stopping every prevention message: whoever acts in the space. */
  mayChooseReminders: boolean;
  /** A parent's children's spaces, to open their calendars. */
  children: Space[];
  notice: PreventionNotice | null;
};

/**
 * The prevention calendar of the space the session acts in (issue 14), computed by the engine
 * from that record (a guardian sees their child's); a parent or a caregiver reads about someone
 * else, so the reasons name them rather than say « vous ».
 */
export async function preventionPageData({ session, actor, repo, ctx }: RequestScope, message: string | string[] | undefined): Promise<PreventionPageData> {
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  const [{ record, items, date }, preferences, spaces] = await Promise.all([
    preventionOf(repo, patientId, { about: actor.kind === "patient" ? "self" : "other" }),
    loadPreferences(repo, patientId),
    listSpaces({ session, actor, repo, ctx }),
  ]);
  return {
    self: actor.kind === "patient",
    name: formatHumanName(record.patient.name) ?? "",
    items,
    date,
    preferences: { all: preferences.all, themes: [...preferences.themes] },
    canWrite: actor.kind === "patient" || actor.kind === "guardian",
    mayChooseReminders: actor.kind === "patient" || actor.kind === "guardian" || actor.kind === "delegate",
    children: spaces.filter((space) => !space.current && space.kind === "guardian"),
    notice: preventionNotice(message),
  };
}
