import "@/server/server-only";
import { aResearchChoice } from "@/lib/fhir/builders/rules";
import type { Repository } from "../fhir/repository";
import { setChoice } from "./set-choice";

/** Reuse of the data for research: the person's choice, which they may change at any time. */
export function setResearchChoice(repo: Repository, allowed: boolean): Promise<boolean> {
  return setChoice(repo, "research", (patientId, dateTime) => aResearchChoice({ patientId, dateTime, allowed }));
}
