import { UPLOAD_KIND_KEYS } from "@/lib/documents/document-kinds";
import { t } from "@/lib/i18n/messages";
import type { UploadRefusal } from "@/server/documents/upload-policy";
import type { UploadFormTexts } from "./upload-form";

/** What the upload form shows, resolved on the server so the client component ships no catalogue. */
export function uploadFormTexts(): UploadFormTexts {
  return {
    file: t("upload.file"),
    fileHint: t("upload.fileHint"),
    title: t("upload.titleLabel"),
    titleHint: t("upload.titleHint"),
    kind: t("upload.kind"),
    date: t("upload.date"),
    submit: t("upload.submit"),
    sending: t("upload.sending"),
    progress: t("upload.progress"),
    progressValue: t("upload.progressValue"),
    required: t("form.required"),
    tooLarge: t("upload.errors.too-large"),
    network: t("upload.errors.network"),
    fileAgain: t("upload.fileAgain"),
  };
}

export function uploadKinds(options: { personalFirst: boolean }) {
  const keys = options.personalFirst ? ["personal" as const, ...UPLOAD_KIND_KEYS.filter((k) => k !== "personal")] : UPLOAD_KIND_KEYS;
  return keys.map((key) => ({ value: key, label: t(`documents.kinds.${key}`) }));
}

const REFUSALS: readonly UploadRefusal[] = ["empty", "too-large", "type", "pdf-script", "pdf-unreadable", "image-too-large", "image-unreadable", "quota", "invalid", "future-date", "title-too-long", "not-allowed", "busy"];

/** The message of the refusal code the upload route put in the URL, if it is one. */
export function uploadErrorFor(code: string | string[] | undefined): string | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  return value && (REFUSALS as readonly string[]).includes(value) ? t(`upload.errors.${value as UploadRefusal}`) : undefined;
}

/** The field a refusal is about, which is marked invalid and described by it; none for the others (quota, busy…). */
export type UploadErrorField = "file" | "title" | "date";
const FIELD_OF: Partial<Record<UploadRefusal, UploadErrorField>> = {
  empty: "file",
  "too-large": "file",
  type: "file",
  "pdf-script": "file",
  "pdf-unreadable": "file",
  "image-too-large": "file",
  "image-unreadable": "file",
  "future-date": "date",
  "title-too-long": "title",
};

export function uploadErrorFieldFor(code: string | string[] | undefined): UploadErrorField | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  return value && (REFUSALS as readonly string[]).includes(value) ? FIELD_OF[value as UploadRefusal] : undefined;
}
