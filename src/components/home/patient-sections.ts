import type { MessageKey } from "@/lib/i18n/messages";

/** The sections of a patient's space and their URLs (filled by later issues). */
export const PATIENT_SECTIONS: { href: string; title: MessageKey; description: MessageKey }[] = [
  { href: "/espace/documents", title: "sections.documents.title", description: "sections.documents.description" },
  { href: "/espace/ordonnances", title: "sections.prescriptions.title", description: "sections.prescriptions.description" },
  { href: "/espace/partage", title: "sections.privacy.title", description: "sections.privacy.description" },
  { href: "/espace/proches", title: "sections.delegations.title", description: "sections.delegations.description" },
  { href: "/espace/historique", title: "sections.accessHistory.title", description: "sections.accessHistory.description" },
  { href: "/espace/prevention", title: "sections.prevention.title", description: "sections.prevention.description" },
  { href: "/espace/messages", title: "sections.messages.title", description: "sections.messages.description" },
];
