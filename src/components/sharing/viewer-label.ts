import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import type { Repository } from "@/server/fhir/repository";
import type { ViewerChoice } from "@/server/privacy/preview-viewer";
import type { SharingOverview } from "@/server/privacy/sharing-overview";
import { formatDay } from "@/lib/documents/format";
import { relativeViewer } from "./relative-viewer";

/** Who the preview is shown as, in words: a professional's name, "un médecin urgentiste…", a caregiver, a link. */
export async function viewerLabel(repo: Repository, overview: SharingOverview, choice: ViewerChoice): Promise<string> {
  switch (choice.kind) {
    case "professional":
      return (await repo.describeProfessionals([choice.practitionerId])).get(choice.practitionerId)?.name ?? "ce professionnel";
    case "emergency":
      return t("sharing.viewerEmergency");
    case "caregiver": {
      const relative = overview.delegations.find((d) => d.relatedPersonId === choice.relatedPersonId);
      return relative ? relativeViewer(relative) : t("sharing.viewerCaregiver", { name: "?" });
    }
    case "link": {
      const link = overview.links.find((l) => l.id === choice.linkId);
      return link ? t("sharing.viewerLink", { date: formatDay(link.expiresAt) }) : "la pharmacie";
    }
  }
}
