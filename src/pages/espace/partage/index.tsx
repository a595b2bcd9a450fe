import { Alert } from "@/components/alert";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { ChoiceForm } from "@/components/sharing/choice-form";
import { Glance } from "@/components/sharing/glance";
import { HiddenList } from "@/components/sharing/hidden-list";
import { sharingNotice } from "@/components/sharing/notices";
import { PreviewPicker } from "@/components/sharing/preview-picker";
import { AuthorisedList, BlockedList } from "@/components/sharing/professional-lists";
import { ProfessionalSearch } from "@/components/sharing/professional-search";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { sharingSearchSchema } from "@/lib/sharing/sharing-search";
import { reachesPart } from "@/server/delegations/space-parts";
import { framedPage, READS_OWN_RULES, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { sharingPageData, type SharingPageData } from "@/server/privacy/sharing-page-data";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** The research option checked: none while the person has not chosen (checking « non » would say she refused). */
const RESEARCH_OPTION = { allowed: "oui", refused: "non", unset: "" } as const;

type Data = SharingPageData | { outOfReach: "privacy" };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { query }) => {
  // A caregiver whose delegation does not include managing sharing: the page says so, and reads nothing.
  if (!(await reachesPart(scope.repo, "privacy"))) return { title: t("sharing.title"), data: { outOfReach: "privacy" } };
  const data = await sharingPageData(scope, sharingSearchSchema.parse(query));
  return data ? { title: t("sharing.title"), data } : NOT_FOUND;
}, READS_OWN_RULES);

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
 * Someone acting for the patient reads it about her (« le dossier de Camille Martin »), by the
 * name the frame's banner read (voice.ts), not as if it were her own record.
 */
export default function SharingPage({ frame, data }: FramedProps<Data>) {
  const reader = readerOf(frame.banner);
  if (!data) return <NotFoundView />;
  // Without the page's introduction: « Vous gérez pour Jean Martin qui peut voir son dossier » stood
  // above « … ne sont pas accessibles avec les droits de votre délégation » (found in the browser).
  if ("outOfReach" in data) return <OutOfReachView title={t("sharing.title")} part={data.outOfReach} />;
  const { overview, search } = data;
  const notice = sharingNotice(search.message, reader);
  // A refused date comes back with the professional's id: his form opens again, the field marked.
  const refusedFor = search.message === "date" ? search.praticien : undefined;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("sharing.title")} description={tv("sharing.intro", reader)} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Glance overview={overview} reader={reader} />
      <ProfessionalSearch
        query={search.q ?? ""}
        results={data.results ?? undefined}
        authorised={new Set(overview.authorised.map((a) => a.card.id))}
        blocked={new Set(overview.blocked.map((b) => b.card.id))}
        reader={reader}
        // The results have the focus but where a notice has it (Alert: an error or a success).
        takesFocus={!notice || notice.tone === "info"}
        refusedFor={refusedFor}
      />
      <AuthorisedList overview={overview} refusedFor={refusedFor} paging={{ page: search.autorises, hrefFor: (page) => listHref({ autorises: page, bloques: search.bloques }, "autorises") }} reader={reader} />
      <BlockedList overview={overview} paging={{ page: search.bloques, hrefFor: (page) => listHref({ autorises: search.autorises, bloques: page }, "bloques") }} reader={reader} />
      <ChoiceForm
        id="urgence"
        title={t("sharing.emergencyTitle")}
        action="/api/partage/urgence"
        name="choix"
        current={overview.emergency}
        options={[
          { value: "allowed", label: t("sharing.emergencyAllowed"), hint: tv("sharing.emergencyAllowedHint", reader) },
          { value: "allowed-restricted", label: t("sharing.emergencyRestricted"), hint: tv("sharing.emergencyRestrictedHint", reader) },
          { value: "refused", label: t("sharing.emergencyRefused"), hint: tv("sharing.emergencyRefusedHint", reader) },
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
        intro={tv("sharing.researchIntro", reader)}
        action="/api/partage/recherche"
        name="choix"
        current={RESEARCH_OPTION[overview.research]}
        options={[
          { value: "oui", label: tv("sharing.researchAllowed", reader) },
          { value: "non", label: tv("sharing.researchRefused", reader) },
        ]}
      />
      <HiddenList overview={overview} />
      <PreviewPicker overview={overview} reader={reader} />
      <p>
        <a href="/espace/partage/historique" className="font-semibold">
          {tv("sharing.historyTitle", reader)}
        </a>
      </p>
    </div>
  );
}
