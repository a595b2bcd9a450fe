import "@/server/server-only";
import type { RelativesNotice } from "@/lib/delegations/relatives-notices";
import { FhirError } from "../fhir/errors";

/**
 * A refusal of the relatives' use cases that the person may know about, with the notice
 * /espace/proches shows for it: each refusal says its own reason (relatives-post.ts), where one
 * status for all showed the legal guardian's message for a wrong date. Still a 422 to anything
 * else that reads it (delegation-page-data.ts, the API).
 */
export class RelativesRefusal extends FhirError {
  constructor(
    readonly notice: RelativesNotice,
    message: string,
  ) {
    super(422, "processing", message);
  }
}

export const endDayRefused = () => new RelativesRefusal("date", "La date de fin doit être entre aujourd'hui et dans trois ans.");

export const guardianTieRefused = () => new RelativesRefusal("legal", "Un représentant légal ne se retire pas ici : c'est une décision de justice.");

export const childTieRefused = () => new RelativesRefusal("lien", "Ce lien ne convient pas pour un enfant.");

export const selfInvitationRefused = () => new RelativesRefusal("soi-meme", "Une invitation ne s'adresse pas à son propre compte.");

