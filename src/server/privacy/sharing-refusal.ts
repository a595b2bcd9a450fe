import "@/server/server-only";
import { FhirError } from "../fhir/errors";
import type { SharingNotice } from "./sharing-post";

/**
 * A refusal of the sharing use cases that the person may know about, with the notice
 * /espace/partage shows for it (sharing-post.ts): each says its own reason, where one code for
 * every 422 told a patient whose end date was refused that the professional was blocked (found by
 * an exploratory test). Still a 422 to anything else that reads it.
 */
export class SharingRefusal extends FhirError {
  constructor(
    readonly notice: SharingNotice,
    message: string,
  ) {
    super(422, "processing", message);
  }
}

export const blockedFirst = () => new SharingRefusal("bloque_d_abord", "Ce professionnel est bloqué : débloquez-le avant de l'autoriser.");

export const endNotAhead = () => new SharingRefusal("date", "La date de fin doit être à venir.");
