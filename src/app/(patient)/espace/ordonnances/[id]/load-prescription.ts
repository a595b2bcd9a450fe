import "@/server/server-only";
import { notFound } from "next/navigation";
import { requirePageScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";
import { getPrescription } from "@/server/prescriptions/get-prescription";

/** The prescription of a page under /espace/ordonnances/[id], or the 404 page. */
export async function loadPrescription(id: string) {
  const scope = await requirePageScope();
  const detail = await getPrescription(scope.repo, id).catch((error: unknown) => {
    if (error instanceof FhirError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  });
  return { ...scope, detail };
}
