import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { LinkCompleted } from "@/components/pharmacist/link-completed";
import { LinkGone } from "@/components/pharmacist/link-gone";
import { OpenLinkForm } from "@/components/pharmacist/open-link-form";
import { SharedPrescription } from "@/components/pharmacist/shared-prescription";
import { t } from "@/lib/i18n/messages";
import { openPage, type FramedProps } from "@/server/pages/framed-page";
import { pharmacistPageData, type PharmacistPageData } from "@/server/sharing/pharmacist-page-data";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): a pharmacy's computer loads no bundle. Reading the link's key from the URL's
 * fragment is the one inline script it adds (link-key-behaviour.ts).
 */
export const config = { unstable_runtimeJS: false };

type Data = PharmacistPageData & { query: { erreur: string | null; essais: string | null; message: string | null } };

export const getServerSideProps = openPage<Data>(async ({ params, query, req }, headers) => {
  const data = await pharmacistPageData(typeof params?.linkId === "string" ? params.linkId : "", headers, req);
  if (!data) return { notFound: true, title: t("pharmacist.goneTitle") };
  return { title: t("pharmacist.metadataTitle"), data: { ...data, query: { erreur: one(query.erreur) ?? null, essais: one(query.essais) ?? null, message: one(query.message) ?? null } } };
}, { linkHolder: true });

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function openError(code: string | undefined, tries: string | undefined, passcode: boolean): string | undefined {
  switch (code) {
    case "code":
      return t("pharmacist.wrongPasscode", { left: /^\d{1,2}$/.test(tries ?? "") ? Number(tries) : 0 });
    case "format":
      return t(passcode ? "pharmacist.badFormat" : "pharmacist.badPharmacyName");
    case "pharmacie":
      return t("pharmacist.badPharmacyName");
    case "cle":
      return t("pharmacist.missingKey");
    case "attente":
      return t("pharmacist.throttled");
    default:
      return undefined;
  }
}

/** The field a refusal names: the code (wrong, or not six digits), or the pharmacy's name. */
function fieldAtFault(code: string | undefined, passcode: boolean): "code" | "pharmacie" | undefined {
  if (code === "code" || code === "format") return passcode ? "code" : "pharmacie";
  return code === "pharmacie" ? "pharmacie" : undefined;
}

function viewNotice(message: string | undefined, error: string | undefined) {
  if (error === "quantite") return { tone: "error" as const, text: t("pharmacist.invalid") };
  if (error === "choix") return { tone: "error" as const, text: t("pharmacist.unclear") };
  if (message === "enregistre") return { tone: "success" as const, text: t("pharmacist.recorded") };
  if (message === "deja") return { tone: "info" as const, text: t("pharmacist.alreadyRecorded") };
  if (message === "perime") return { tone: "error" as const, text: t("pharmacist.stale") };
  return undefined;
}

/**
 * The pharmacist's page (no account). Without a session of this link: the passcode form (the
 * key is read from the fragment in the browser and posted in the body). With one: the patient's
 * name and birth date, the prescriber and the prescription, read through the repository as the
 * link, and the dispensation form. A link that died (revoked, expired, locked, fully dispensed)
 * answers 404 "no longer available", as one that never existed, as soon as it is opened: before
 * the passcode too (link-still-opens.ts), so nobody types a code that would only be refused;
 * only the session of a link that a dispensation completed is told « fully dispensed ».
 */
export default function PharmacistPage({ frame, data }: FramedProps<Data>) {
  if (!data) return <LinkGone />;
  if (data.kind === "completed") return <LinkCompleted kind="seen" />;
  if (data.kind === "open") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t("pharmacist.title")} description={t(data.passcode ? "pharmacist.intro" : "pharmacist.introWithoutPasscode")} />
        <OpenLinkForm
          linkId={data.linkId}
          passcode={data.passcode}
          error={openError(data.query.erreur ?? undefined, data.query.essais ?? undefined, data.passcode)}
          errorField={fieldAtFault(data.query.erreur ?? undefined, data.passcode)}
          nonce={frame.nonce}
        />
      </div>
    );
  }
  const notice = viewNotice(data.query.message ?? undefined, data.query.erreur ?? undefined);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("pharmacist.title")} description={t("pharmacist.sessionHint")} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <SharedPrescription linkId={data.linkId} view={data.view} />
    </div>
  );
}
