import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { PreviewSections } from "@/components/sharing/preview-sections";
import { viewerLabel } from "@/components/sharing/viewer-label";
import { t } from "@/lib/i18n/messages";
import { requestContext } from "@/server/auth/request-context";
import { requirePageScope } from "@/server/documents/request-repository";
import { previewAs } from "@/server/privacy/preview-as";
import { parseViewer } from "@/server/privacy/preview-viewer";
import { sharingOverview } from "@/server/privacy/sharing-overview";
import { orNotFound } from "../or-not-found";

export const metadata: Metadata = { title: "Voir comme…" };

/**
 * The record as the chosen viewer gets it, clearly labelled as a preview. Computed inside this
 * request (preview-as.ts): no session, cookie or token exists for the viewer at any point.
 */
export default async function PreviewPage({ searchParams }: { searchParams: Promise<{ vue?: string | string[] }> }) {
  const { repo, session } = await requirePageScope();
  const raw = (await searchParams).vue;
  const choice = parseViewer(Array.isArray(raw) ? raw[0] : raw);
  if (!choice) notFound();
  const overview = await orNotFound(sharingOverview(repo));
  const preview = await orNotFound(previewAs(repo, choice, await requestContext(session)));
  const viewer = await viewerLabel(repo, overview, choice);
  const empty = preview.sections.every((section) => section.total === 0);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("sharing.previewTitle")} />
      <Alert tone="info">{t("sharing.previewBanner", { viewer })}</Alert>
      {empty ? <p>{t("sharing.previewNothing", { viewer })}</p> : <PreviewSections preview={preview} />}
      <p>
        <Link href="/espace/partage#apercu" className="font-semibold">
          ← {t("sharing.previewBack")}
        </Link>
      </p>
    </div>
  );
}
