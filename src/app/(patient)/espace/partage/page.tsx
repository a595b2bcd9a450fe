import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { ChoiceForm } from "@/components/sharing/choice-form";
import { Glance } from "@/components/sharing/glance";
import { HiddenList } from "@/components/sharing/hidden-list";
import { sharingNotice } from "@/components/sharing/notices";
import { PreviewPicker } from "@/components/sharing/preview-picker";
import { AuthorisedList, BlockedList } from "@/components/sharing/professional-lists";
import { ProfessionalSearch } from "@/components/sharing/professional-search";
import { t } from "@/lib/i18n/messages";
import { requirePageScope } from "@/server/documents/request-repository";
import { sharingOverview } from "@/server/privacy/sharing-overview";
import { orNotFound } from "./or-not-found";
import { sharingSearchSchema } from "./schema";

export const metadata: Metadata = { title: "Partage et confidentialité" };

/** A list page's address: both lists' pages (page 1 left out), landing on the list's heading. */
function listHref(pages: { autorises: number; bloques: number }, anchor: string): string {
  const query = new URLSearchParams();
  if (pages.autorises > 1) query.set("autorises", String(pages.autorises));
  if (pages.bloques > 1) query.set("bloques", String(pages.bloques));
  const text = query.toString();
  return `/espace/partage${text ? `?${text}` : ""}#${anchor}`;
}

/**
 * "Partage et confidentialité": who can see the record, in plain words, and every setting that
 * decides it, each a plain form (the page works without JavaScript). Read through the
 * repository as the person acting (the patient, a guardian, or a caregiver with the right to
 * manage sharing); anyone else gets the same "not found" as for a page that does not exist.
 */
export default async function SharingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { repo } = await requirePageScope();
  const params = sharingSearchSchema.parse(await searchParams);
  const overview = await orNotFound(sharingOverview(repo));
  const results = params.q ? await repo.searchProfessionals(params.q) : undefined;
  const notice = sharingNotice(params.message);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("sharing.title")} description={t("sharing.intro")} />
      {notice ? <Alert tone={notice.tone}>{t(notice.key)}</Alert> : null}
      <Glance overview={overview} />
      <ProfessionalSearch
        query={params.q ?? ""}
        results={results}
        authorised={new Set(overview.authorised.map((a) => a.card.id))}
        blocked={new Set(overview.blocked.map((b) => b.card.id))}
      />
      <AuthorisedList overview={overview} paging={{ page: params.autorises, hrefFor: (page) => listHref({ autorises: page, bloques: params.bloques }, "autorises") }} />
      <BlockedList overview={overview} paging={{ page: params.bloques, hrefFor: (page) => listHref({ autorises: params.autorises, bloques: page }, "bloques") }} />
      <ChoiceForm
        id="urgence"
        title={t("sharing.emergencyTitle")}
        action="/api/partage/urgence"
        name="choix"
        current={overview.emergency}
        options={[
          { value: "allowed", label: t("sharing.emergencyAllowed"), hint: t("sharing.emergencyAllowedHint") },
          { value: "allowed-restricted", label: t("sharing.emergencyRestricted"), hint: t("sharing.emergencyRestrictedHint") },
          { value: "refused", label: t("sharing.emergencyRefused"), hint: t("sharing.emergencyRefusedHint") },
        ]}
      />
      <ChoiceForm
        id="niveau"
        title={t("sharing.defaultLevelTitle")}
        action="/api/partage/niveau"
        name="niveau"
        current={overview.defaultLevel}
        options={[
          { value: "N", label: t("sharing.defaultLevelN"), hint: t("sharing.defaultLevelNHint") },
          { value: "R", label: t("sharing.defaultLevelR"), hint: t("sharing.defaultLevelRHint") },
        ]}
      />
      <ChoiceForm
        id="recherche"
        title={t("sharing.researchTitle")}
        intro={t("sharing.researchIntro")}
        action="/api/partage/recherche"
        name="choix"
        current={overview.research === "allowed" ? "oui" : "non"}
        options={[
          { value: "oui", label: t("sharing.researchAllowed") },
          { value: "non", label: t("sharing.researchRefused") },
        ]}
      />
      <HiddenList overview={overview} />
      <PreviewPicker overview={overview} />
      <p>
        <Link href="/espace/partage/historique" className="font-semibold">
          {t("sharing.historyTitle")}
        </Link>
      </p>
    </div>
  );
}
