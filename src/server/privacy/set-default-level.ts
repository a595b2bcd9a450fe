import "@/server/server-only";
import { aDefaultLevel } from "@/lib/fhir/builders/rules";
import type { Repository } from "../fhir/repository";
import { setChoice } from "./set-choice";

/**
 * The confidentiality of documents added from now on (the Swiss record's default level):
 * normal, or restricted to professionals authorised for restricted documents. Documents
 * already in the record keep theirs; each can still be changed on its own page.
 */
export function setDefaultLevel(repo: Repository, level: "N" | "R"): Promise<boolean> {
  return setChoice(repo, "default-level", (patientId, dateTime) => aDefaultLevel({ patientId, dateTime, level }));
}
