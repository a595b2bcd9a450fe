import "@/server/server-only";
import { DOCUMENT_TITLE_MAX } from "@/lib/documents/document-title";
import type { DocumentReference } from "@medplum/fhirtypes";
import { z } from "zod";
import { typedDay } from "@/lib/dates/day-input";
import { isUploadKind, UPLOAD_KINDS, type UploadKind } from "@/lib/documents/document-kinds";
import { SYSTEMS } from "@/lib/fhir/systems";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "../access/actor";
import { ownPlaces } from "../access/live-roles";
import { FhirError } from "../fhir/errors";
import type { Queryable } from "../db/queryable";
import type { StagedFile } from "../fhir/file-store";
import { isUuid, type Repository, type TransactionScope } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { isAfterToday } from "../prevention/days";
import { inspectUpload } from "./inspect-upload";
import { cleanText, safeFileName } from "./safe-file-name";
import { MAX_DOCUMENTS_PER_PATIENT, UploadRefused } from "./upload-policy";

export type UploadInput = {
  /** Whose record: taken from the actor's space for a patient, guardian or caregiver; named by a professional. */
  patientId?: string;
  title: string;
  kind: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The browser's file name, used as the title when none was typed. */
  fileName?: string;
  bytes: Buffer;
};

const metadata = z.object({
  kind: z.string().refine(isUploadKind),
  date: typedDay().refine((d) => d >= "1900-01-01" && d <= "2100-12-31"),
});

/**
 * Adds a document to a record: the file is checked (real type from its bytes, no scripts, no
 * decompression bombs, images stripped of metadata), the record's quota is checked, then the
 * DocumentReference, its Binary and the encrypted bytes are stored in one transaction. The
 * author is whoever uploads (set by the repository, never by the form). Says also whether the
 * file's text was read for search (the page tells the person when not).
 */
export async function uploadDocument(repo: Repository, input: UploadInput): Promise<DocumentReference> {
  return (await uploadDocumentWithOutcome(repo, input)).document;
}

export async function uploadDocumentWithOutcome(repo: Repository, input: UploadInput): Promise<{ document: DocumentReference; textUnread: boolean }> {
  const prepared = await prepareUpload(repo, input);
  try {
    return { document: await storeUpload(repo, prepared), textUnread: prepared.textUnread };
  } catch (error) {
    if (error instanceof FhirError && (error.status === 403 || error.status === 404)) throw new UploadRefused("not-allowed");
    throw error;
  }
}

/** A checked upload, ready to be stored: what can be read and refused is done before any transaction opens. */
export type PreparedUpload = {
  document: DocumentReference;
  file: { bytes: Buffer; contentType: string };
  indexText?: string;
  textUnread: boolean;
  tell?: (db: Queryable, stored: DocumentReference) => Promise<void>;
};

/** Stores a prepared upload on its own: the repository stages the bytes, then creates the document in one transaction. */
export async function storeUpload(repo: Pick<Repository, "createDocument">, prepared: PreparedUpload): Promise<DocumentReference> {
  return repo.createDocument(prepared.document, prepared.file, { indexText: prepared.indexText, alsoInTransaction: prepared.tell });
}

/**
 * Stores a prepared upload inside a larger transaction (a message it is attached to:
 * send-message.ts), so that a refused message leaves no document behind. Its bytes were staged
 * before that transaction opened (Repository.stageFile): a transaction cannot stage them itself.
 */
export async function storeStagedUpload(scope: Pick<TransactionScope, "createDocument">, prepared: PreparedUpload, staged: StagedFile): Promise<DocumentReference> {
  return scope.createDocument(prepared.document, staged, { indexText: prepared.indexText, alsoInTransaction: prepared.tell });
}

/**
 * The checks and the reads of an upload (the record's quota, the professional's facility), and
 * the DocumentReference to write. Throws UploadRefused.
 */
export async function prepareUpload(repo: Repository, input: UploadInput): Promise<PreparedUpload> {
  const patientId = spaceOf(repo.actor) ?? input.patientId;
  if (!patientId || !isUuid(patientId)) throw new UploadRefused("not-allowed");
  const parsed = metadata.safeParse({ kind: input.kind, date: input.date });
  if (!parsed.success) throw new UploadRefused("invalid");
  // Said in its own words here; the repository refuses it anyway, whatever the door (write-guards.ts).
  if (isAfterToday(parsed.data.date, repo.now())) throw new UploadRefused("future-date");
  // The form stops at DOCUMENT_TITLE_MAX; a longer title (a forged post) was cut without a word, and the
  // document stored under a title its sender never saw. Refused, as a bad date is.
  const typedTitle = cleanText(input.title, DOCUMENT_TITLE_MAX + 1);
  if ([...typedTitle].length > DOCUMENT_TITLE_MAX) throw new UploadRefused("title-too-long");
  const kind = parsed.data.kind as UploadKind;

  // The quota counts what the uploader can see of the record; the repository refuses the write anyway if they may not add to it.
  const existing = await repo.search("DocumentReference", { patientId, count: 0, total: true });
  if ((existing.total ?? 0) >= MAX_DOCUMENTS_PER_PATIENT) throw new UploadRefused("quota");

  const file = await inspectUpload(input.bytes);
  const fromFileName = input.fileName ? safeFileName(input.fileName, file.extension, { fromPath: true }).replace(/\.[a-z0-9]+$/, "") : "";
  const title = typedTitle || fromFileName || t(`documents.kinds.${kind}`);
  const spec = UPLOAD_KINDS[kind];
  const custodian = await custodianOf(repo);
  const document: DocumentReference = {
    resourceType: "DocumentReference",
    status: "current",
    docStatus: "final",
    type: { coding: [{ system: SYSTEMS.loinc, code: spec.code, display: spec.display }], text: t(`documents.kinds.${kind}`) },
    category: [{ coding: [{ system: SYSTEMS.documentCategory, code: spec.category, display: t(`documents.categories.${spec.category}`) }] }],
    subject: { reference: `Patient/${patientId}` },
    // Noon UTC keeps the calendar day in every European time zone.
    date: `${parsed.data.date}T12:00:00.000Z`,
    custodian,
    description: title,
    content: [
      {
        attachment: {
          contentType: file.contentType,
          language: "fr-FR",
          title: safeFileName(title, file.extension),
          creation: `${parsed.data.date}T12:00:00.000Z`,
        },
      },
    ],
  };
  // A professional's document is news for the patient; their own upload is not.
  const tell =
    repo.actor.kind === "practitioner"
      ? async (db: Queryable, stored: DocumentReference) => {
          await notify(db, { patientId, kind: "document-added", link: `/espace/documents/${stored.id}`, dedupeKey: `document-added:${stored.id}` });
        }
      : undefined;
  return { document, file: { bytes: file.bytes, contentType: file.contentType }, indexText: file.indexText, textUnread: file.textUnread === true, tell };
}

/**
 * A professional's documents name the facility they practise at (their first role live today):
 * the repository refuses any other (document-claims.ts), so an ended role is not named either.
 */
async function custodianOf(repo: Repository): Promise<DocumentReference["custodian"]> {
  const actor = repo.actor;
  if (actor.kind !== "practitioner") return undefined;
  // Their own roles, by index: a read of the directory's first page missed anyone past it.
  const [organization] = ownPlaces(actor.practitionerId, await repo.ownPractitionerRoles(), repo.now()).organizations;
  return organization ? { reference: organization } : undefined;
}
