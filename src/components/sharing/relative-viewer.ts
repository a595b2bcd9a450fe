import { t } from "@/lib/i18n/messages";
import type { SharingOverview } from "@/server/privacy/sharing-overview";

/**
 * A relative among « Voir comme… »'s viewers, by what he is to the person: a caregiver
 * (« aidant·e ») or a guardian (« représentant·e légal·e »: a parent, or an adult's representative
 * under a judge's measure). A guardian was labelled « aidant·e », which the page's own glance
 * contradicted.
 */
export function relativeViewer(relative: Pick<SharingOverview["delegations"][number], "name" | "kind">): string {
  return t(relative.kind === "guardian" ? "sharing.viewerGuardian" : "sharing.viewerCaregiver", { name: relative.name });
}
