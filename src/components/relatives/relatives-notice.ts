import type { AlertTone } from "@/components/alert";
import { RELATIVES_NOTICES, type RelativesNotice } from "@/lib/delegations/relatives-notices";
import { tv, type Reader } from "@/lib/i18n/voice";

const TEXTS: Record<Exclude<RelativesNotice, "en-pause">, string> = {
  invite: "Invitation envoyée par e-mail. Vous pouvez aussi copier le lien ci-dessous et le transmettre vous-même.",
  annulee: "Invitation annulée : son lien ne fonctionne plus.",
  modifiee: "Droits modifiés. La personne a été prévenue.",
  retiree: "Délégation retirée. Elle ne fonctionne plus dès maintenant ; la personne a été prévenue.",
  renouvelee: "Délégation prolongée d'un an.",
  confirmee: "Délégation confirmée : elle est active dès maintenant.",
  acceptee: "Invitation acceptée. Vous pourrez agir pour cette personne dans 24 heures, sauf si elle confirme plus tôt.",
  deja: "Rien n'a changé : c'était déjà fait.",
  date: "La date de fin doit être entre aujourd'hui et dans trois ans au plus.",
  prenom: "Le prénom manque, dépasse 80 caractères ou contient un caractère non accepté (< ou >). Rien n'a été envoyé.",
  nom: "Le nom manque, dépasse 80 caractères ou contient un caractère non accepté (< ou >). Rien n'a été envoyé.",
  email: "L'adresse e-mail n'est pas valide : indiquez-la sous la forme nom@exemple.fr. Rien n'a été envoyé.",
  "soi-meme": "Vous ne pouvez pas vous inviter vous-même : indiquez l'adresse e-mail du proche à inviter. Rien n'a été envoyé.",
  adresse: "Cette adresse e-mail ne peut pas recevoir d'invitation : indiquez une autre adresse de votre proche, par exemple son adresse personnelle. Rien n'a été envoyé.",
  lien: "Ce lien ne convient pas pour un enfant : choisissez-en un dans la liste proposée. Rien n'a été envoyé.",
  formulaire: "Le formulaire est incomplet ou incorrect : rien n'a été enregistré.",
  interdit: "Vous ne pouvez pas faire cela dans cet espace.",
  legal: "Un représentant légal ne se retire pas ici : c'est une décision de justice.",
  conflit: "Quelqu'un a modifié cette délégation en même temps : rechargez la page et recommencez.",
  echec: "L'opération n'a pas abouti : rien n'a été enregistré.",
};

/** The notice a form came back with; the one that speaks of the person whose space it is, in the reader's voice (voice.ts). */
export function relativesNotice(code: unknown, reader: Reader): { tone: AlertTone; text: string } | undefined {
  if (typeof code !== "string" || !Object.prototype.hasOwnProperty.call(RELATIVES_NOTICES, code)) return undefined;
  const known = code as RelativesNotice;
  return { tone: RELATIVES_NOTICES[known], text: known === "en-pause" ? tv("relatives.widenedNotice", reader) : TEXTS[known] };
}
