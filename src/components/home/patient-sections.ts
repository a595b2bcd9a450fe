import type { MessageKey } from "@/lib/i18n/messages";
import type { VoicedKey } from "@/lib/i18n/voice";
import type { SpacePart } from "@/server/delegations/space-parts";

/**
 * The sections of a patient's space and their URLs (filled by later issues). `part`: the part of
 * the space the section shows, which a caregiver's delegation may leave out (its tile is then not
 * offered, and its page says so). `description`: the same to everyone, or `voiced`, about the
 * person to someone acting for her (voice.ts).
 */
export const PATIENT_SECTIONS: { href: string; title: MessageKey; description: { said: MessageKey } | { voiced: VoicedKey }; part?: SpacePart }[] = [
  { href: "/espace/documents", title: "sections.documents.title", description: { said: "sections.documents.description" }, part: "documents" },
  { href: "/espace/ordonnances", title: "sections.prescriptions.title", description: { voiced: "sections.prescriptions.description" }, part: "prescriptions" },
  { href: "/espace/partage", title: "sections.privacy.title", description: { said: "sections.privacy.description" }, part: "privacy" },
  { href: "/espace/proches", title: "sections.delegations.title", description: { voiced: "sections.delegations.description" } },
  { href: "/espace/historique", title: "sections.accessHistory.title", description: { voiced: "sections.accessHistory.description" }, part: "trail" },
  { href: "/espace/prevention", title: "sections.prevention.title", description: { said: "sections.prevention.description" } },
  { href: "/espace/messages", title: "sections.messages.title", description: { voiced: "sections.messages.description" } },
];
