import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { OpenLinkForm } from "@/components/pharmacist/open-link-form";
import { SharedPrescription } from "@/components/pharmacist/shared-prescription";
import { t } from "@/lib/i18n/messages";
import { FhirError } from "@/server/fhir/errors";
import { isUuid } from "@/server/fhir/repository";
import { viewSharedPrescription } from "@/server/prescriptions/view-shared-prescription";
import { hasLiveSession, pharmacistScope } from "@/server/sharing/pharmacist-request";

export const metadata: Metadata = { title: t("pharmacist.metadataTitle"), referrer: "no-referrer" };

type Props = { params: Promise<{ linkId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function openError(code: string | undefined, tries: string | undefined): string | undefined {
  switch (code) {
    case "code":
      return t("pharmacist.wrongPasscode", { left: /^\d{1,2}$/.test(tries ?? "") ? Number(tries) : 0 });
    case "format":
      return t("pharmacist.badFormat");
    case "cle":
      return t("pharmacist.missingKey");
    case "attente":
      return t("pharmacist.throttled");
    default:
      return undefined;
  }
}

function viewNotice(message: string | undefined, error: string | undefined) {
  if (error === "quantite") return { tone: "error" as const, text: t("pharmacist.invalid") };
  if (message === "enregistre") return { tone: "success" as const, text: t("pharmacist.recorded") };
  if (message === "deja") return { tone: "info" as const, text: t("pharmacist.alreadyRecorded") };
  if (message === "perime") return { tone: "error" as const, text: t("pharmacist.stale") };
  return undefined;
}

/**
 * The pharmacist's page (no account). Without a session of this link: the passcode form (the
 * key is read from the fragment by a small client component and posted in the body). With
 * one: the patient's name and birth date, the prescriber and the prescription, read through the
 * repository as the link, and the dispensation form. A link that died (revoked, expired,
 * locked, fully dispensed) answers 404 "no longer available".
 */
export default async function PharmacistPage({ params, searchParams }: Props) {
  const { linkId } = await params;
  if (!isUuid(linkId)) notFound();
  const query = await searchParams;
  const requestHeaders = await headers();
  const now = new Date();
  const scope = await pharmacistScope(linkId, requestHeaders, now);
  if (!scope) {
    // A live session whose link no longer opens: the link died under the pharmacist.
    if (hasLiveSession(linkId, requestHeaders, now)) notFound();
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t("pharmacist.title")} description={t("pharmacist.intro")} />
        <OpenLinkForm linkId={linkId.toLowerCase()} error={openError(one(query.erreur), one(query.essais))} />
      </div>
    );
  }
  const view = await viewSharedPrescription(scope.repo).catch((error: unknown) => {
    if (error instanceof FhirError && error.status === 404) notFound();
    throw error;
  });
  const notice = viewNotice(one(query.message), one(query.erreur));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("pharmacist.title")} description={t("pharmacist.sessionHint")} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <SharedPrescription linkId={linkId.toLowerCase()} view={view} />
    </div>
  );
}
