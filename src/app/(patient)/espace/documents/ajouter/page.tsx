import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/documents/upload-form";
import { todayInParis, uploadErrorFor, uploadFormTexts, uploadKinds } from "@/components/documents/upload-texts";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "@/server/access/actor";
import { requirePageScope } from "@/server/documents/request-repository";
import { MAX_UPLOAD_BYTES } from "@/server/documents/upload-policy";

export const metadata: Metadata = { title: t("upload.title") };

/** Adding a document to the space's record (a caregiver needs the documents:write scope). */
export default async function UploadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { repo, actor } = await requirePageScope();
  const patientId = spaceOf(actor) ?? "";
  const allowed = await repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] });
  if (!allowed.allow) notFound();
  const { erreur } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/espace/documents" className="font-semibold">
          ← {t("documentPage.back")}
        </Link>
      </p>
      <PageHeader title={t("upload.title")} description={t("upload.intro")} />
      <UploadForm
        action="/api/documents"
        kinds={uploadKinds({ personalFirst: true })}
        texts={uploadFormTexts()}
        error={uploadErrorFor(erreur)}
        maxBytes={MAX_UPLOAD_BYTES}
        today={todayInParis()}
      />
    </div>
  );
}
