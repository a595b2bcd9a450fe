import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { parisDayOf } from "@/lib/dates/paris-day";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { RequestScope } from "../documents/request-scope";
import { contentDisposition } from "../documents/safe-file-name";
import { notFoundResponse } from "../http/form-post";
import { tellPatientOfCopyTakenForHer } from "../fhir/copy-taken-for-patient";
import { readmeText } from "./readme";
import { recordCopyStream } from "./record-copy-zip";

/**
 * « Télécharger une copie de mon dossier » (RGPD articles 15 and 20): the ZIP of the record of the
 * space the session acts in (its actor's, never a record named by the request), as this actor may
 * read it, every read through the repository and in the patient's trail.
 *
 * Who: the patient, everything of her record; a guardian, the child's record as the rules give it
 * (without what a minor keeps secret); a caregiver too, but only what her delegation lets her read
 * (no secret documents; no medical record, prescriptions or sharing choices without those
 * rights). Why not refuse caregivers: a caregiver who manages an elderly parent's health is the
 * one who hands a new doctor the record, and a copy shows her nothing she could not already open
 * page by page, decided by the same decide() and the same SQL filter. Professionals and link
 * holders have no space to copy: the same 404 as for an address that does not exist.
 *
 * The copy's first row in the trail says « Export » of the record, then one per search and one per
 * file, as when the pages are read. A copy taken by someone acting for the patient is also told
 * to her (copy-taken-for-patient.ts): her whole record has left the portal without her.
 */
export async function recordCopyResponse({ actor, repo, session }: RequestScope): Promise<Response> {
  if (actor.kind !== "patient" && actor.kind !== "guardian" && actor.kind !== "delegate") return notFoundResponse();
  const patientId = actor.patientId;
  // A few copies an hour per account (record-copy-limit.ts says why), counted before anything is read.
  repo.countRecordCopy();
  // Read before the answer starts: a refusal (or the read limit) is still a status, not a cut archive.
  const patient = await repo.read<Patient>("Patient", patientId);
  await repo.audit({ patientId, entity: `Patient/${patientId}`, interaction: "export", outcome: "success" });
  const at = repo.now();
  await tellPatientOfCopyTakenForHer(actor, patientId, at);
  const readme = readmeText({ person: formatHumanName(patient.name) ?? "", agent: session.account.displayName, at });
  return new Response(recordCopyStream(repo, patient, readme), {
    status: 200,
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition("attachment", `copie-dossier-sante-${parisDayOf(at)}`, "zip"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store, max-age=0",
      "Referrer-Policy": "no-referrer",
    },
  });
}
