import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/documents/upload-form";
import { todayInParis, uploadErrorFor, uploadFormTexts, uploadKinds } from "@/components/documents/upload-texts";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { patientIdentity } from "@/server/documents/patient-identity";
import { requirePageScope } from "@/server/documents/request-repository";
import { MAX_UPLOAD_BYTES } from "@/server/documents/upload-policy";

export const metadata: Metadata = { title: t("upload.title") };

type Props = { params: Promise<{ patientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A professional adds a document to the record of a patient who authorised them; they are its author. */
export default async function ProUploadPage({ params, searchParams }: Props) {
  const { patientId } = await params;
  const { repo } = await requirePageScope();
  const identity = await patientIdentity(repo, patientId);
  const allowed = await repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] });
  if (!identity || !allowed.allow) notFound();
  const { erreur } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/pro/patients/${patientId}`} className="font-semibold">
          ← {t("documentPage.back")}
        </Link>
      </p>
      <PageHeader title={t("upload.proTitle", { name: identity.name })} description={t("upload.intro")} />
      <UploadForm
        action="/api/documents"
        patientId={patientId}
        kinds={uploadKinds({ personalFirst: false }).filter((kind) => kind.value !== "personal")}
        texts={uploadFormTexts()}
        error={uploadErrorFor(erreur)}
        maxBytes={MAX_UPLOAD_BYTES}
        today={todayInParis()}
      />
    </div>
  );
}
