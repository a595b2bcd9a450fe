import "@/server/server-only";
import { PATIENT_READER, type Reader } from "@/lib/i18n/voice";
import type { RequestScope } from "../documents/request-scope";
import { UNNAMED_PERSON } from "./space-banner-facts";
import { spacePatientName } from "./space-patient-name";

/**
 * To whom a page's loader speaks (voice.ts), for what it words before the frame is rendered (a
 * page's title): someone acting for the patient reads about her, by name. The name is the
 * banner's read (space-patient-name.ts keeps one per request): no second read, no second line
 * in her history; refused, the banner's own stand-in.
 */
export async function spaceReader({ actor, repo }: RequestScope): Promise<Reader> {
  if (actor.kind !== "guardian" && actor.kind !== "delegate") return PATIENT_READER;
  return { voice: "theirs", person: (await spacePatientName(repo, actor.patientId)) || UNNAMED_PERSON };
}
