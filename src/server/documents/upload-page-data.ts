import "@/server/server-only";
import { uploadErrorFieldFor, uploadErrorFor, uploadFormTexts, uploadKinds, type UploadErrorField } from "@/components/documents/upload-texts";
import type { UploadFormTexts } from "@/components/documents/upload-form";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "../access/actor";
import { now } from "../clock";
import { isUuid } from "../fhir/ids";
import { todayInParis } from "../prevention/days";
import { patientIdentity } from "./patient-identity";
import type { RequestScope } from "./request-scope";
import { MAX_UPLOAD_BYTES } from "./upload-policy";
import type { UploadTyped } from "./upload-typed";

/** What the upload pages draw: the form's choices and words, and where « back » leads. */
export type UploadPageData = {
  heading: string;
  back: string;
  /** The record the file goes to, named by a professional's form; null: the space's own. */
  patientId: string | null;
  kinds: { value: string; label: string }[];
  texts: UploadFormTexts;
  error: string | null;
  /** The field the refusal is about (upload-texts.ts), marked invalid and described by it. */
  errorField: UploadErrorField | null;
  maxBytes: number;
  /** The date field's default and its latest day (a document is not dated after today). */
  today: string;
  /** The title, kind and date of a form refused, given back with its refusal only (upload-typed.ts). */
  typed: UploadTyped | null;
};

/** May this actor add a document to this record? (a caregiver needs the documents:write scope). */
async function mayAdd(scope: RequestScope, patientId: string): Promise<boolean> {
  return (await scope.repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] })).allow;
}

function form(error: string | string[] | undefined, personalKinds: boolean, typed: UploadTyped | undefined) {
  const kinds = uploadKinds({ personalFirst: personalKinds });
  const refusal = uploadErrorFor(error) ?? null;
  return {
    kinds: personalKinds ? kinds : kinds.filter((kind) => kind.value !== "personal"),
    texts: uploadFormTexts(),
    error: refusal,
    errorField: refusal === null ? null : (uploadErrorFieldFor(error) ?? null),
    maxBytes: MAX_UPLOAD_BYTES,
    today: todayInParis(now()),
    typed: refusal && typed ? typed : null,
  };
}

/** Adding a document to the space the person acts in; undefined when they may not (404). */
export async function ownUploadPageData(scope: RequestScope, error: string | string[] | undefined, typed?: UploadTyped): Promise<UploadPageData | undefined> {
  const patientId = spaceOf(scope.actor) ?? "";
  if (!(await mayAdd(scope, patientId))) return undefined;
  return { heading: t("upload.title"), back: "/espace/documents", patientId: null, ...form(error, true, typed) };
}

/** A professional adding to the record of a patient who authorised them (they are its author); undefined: 404. */
export async function proUploadPageData(scope: RequestScope, patientId: string, error: string | string[] | undefined, typed?: UploadTyped): Promise<UploadPageData | undefined> {
  // A malformed id reads nothing (the rules' query would fail on it: a 500 on the App Router's page).
  if (!isUuid(patientId)) return undefined;
  const [identity, allowed] = await Promise.all([patientIdentity(scope.repo, patientId), mayAdd(scope, patientId)]);
  if (!identity || !allowed) return undefined;
  return { heading: t("upload.proTitle", { name: identity.name }), back: `/pro/patients/${patientId}`, patientId, ...form(error, false, typed) };
}
