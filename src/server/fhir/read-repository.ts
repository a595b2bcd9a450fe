import "@/server/server-only";
import type { DocumentReference, Patient, PractitionerRole, Resource } from "@medplum/fhirtypes";
import { agentRef, spaceOf } from "../access/actor";
import { seesDeleted } from "../access/deleted-resources";
import type { AuditEntry, AuditInteraction } from "../audit/audit-entry";
import { unsafeMatchPatientIds, type EmergencyCriteria } from "./emergency-match";
import { documentIdOfBinary, documentReferenceOf } from "./document-files";
import { Denied } from "./denied";
import { notFound } from "./errors";
import { GuardedRepository } from "./guarded-repository";
import { versionRow, versionsPage, type VersionPage } from "./history-rows";
import { isUuid } from "./ids";
import { countRecordCopy } from "./record-copy-limit";
import { getFile, type StoredFile } from "./file-store";
import { findProfessionals, foldWords, type ProfessionalCard } from "./directory-search";
import { practitionerPatients, type PractitionerPatients } from "./practitioner-patients";
import { practitionerMessageRows, type PatientMessages, type PractitionerMessagesFilter } from "./practitioner-messages";
import { redactIfWithdrawn } from "./withdrawn-message";
import { rolesOfPractitioner } from "./practitioner-roles";
import { versionsOfType, type TypeVersion } from "./type-history";
import { factsOfRow, loadRow, type ResourceRow } from "./resource-row";
import { directoryCards } from "./directory-cards";
import { directoryEntryNames, type DirectoryType } from "./directory-entry-names";
import { searchPatientById } from "./patient-search";
import { documentFacetRefs } from "./document-facets";
import { searchDocumentHeadings, searchResources, searchResourcesOfTypes, searchStoredJson, type DocumentHeading, type StoredJson } from "./search";
import { MAX_COUNT, type DocumentFacetRefs, type SearchRequest, type SearchResult } from "./search-request";

/**
 * The read side of the one door to patient data (repository.ts adds the writes): every read,
 * search, history and file download, and the professional's directory and messages. Each
 * counts against the account's read limit where it reads patient data, asks decide() and
 * leaves an audit row (guarded-repository.ts); whatever the actor may not see answers exactly
 * like what does not exist.
 */
export class ReadRepository extends GuardedRepository {
  async read<T extends Resource>(type: T["resourceType"], id: string, audit: AuditInteraction = "read"): Promise<T> {
    this.countRead();
    const row = await this.withDenials(() => this.guard(this.db.sql, type, id, "read", audit));
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: audit, outcome: "success" });
    return row.content as T;
  }

  /** One version; of a deleted resource, only to the patient who still sees its history (seesDeleted). */
  async vread<T extends Resource>(type: T["resourceType"], id: string, versionId: string): Promise<T> {
    this.countRead();
    const row = await this.withDenials(() => this.guard(this.db.sql, type, id, "read", "vread", false, "owner"));
    const version = Number(versionId);
    const found = Number.isInteger(version) ? await versionRow(this.db.sql, id, version) : undefined;
    if (!found || found.deleted) throw notFound();
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}/_history/${version}`, interaction: "vread", outcome: "success" });
    return redactIfWithdrawn(row.content, found.content as T);
  }

  /** A page of the versions, newest first, and their number. A deleted resource's history is the patient's alone (seesDeleted). */
  async history(type: string, id: string, page: { offset: number; count: number } = { offset: 0, count: MAX_COUNT }): Promise<VersionPage> {
    this.countRead();
    const row = this.rowSeen(await loadRow(this.db.sql, type, id));
    if (!row) throw notFound();
    const refusal = row.deleted && !seesDeleted(this.actor, row.patient_id) ? "deleted" : await this.decideOn("history", factsOfRow(row)).then((d) => (d.allow ? undefined : d.reason));
    if (refusal) {
      await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: "history", outcome: "denied", reason: refusal });
      throw notFound();
    }
    const versions = await versionsPage(this.db.sql, id, page);
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: "history", outcome: "success" });
    return { ...versions, versions: versions.versions.map((v) => ({ ...v, resource: redactIfWithdrawn(row.content, v.resource) })) };
  }

  /** The authors and facilities of the documents this actor may see in a patient's record (filters' choices). */
  async documentFacets(patientId: string): Promise<DocumentFacetRefs> {
    return documentFacetRefs(this, this.db.sql, patientId);
  }

  async search<T extends Resource>(type: T["resourceType"], request: SearchRequest): Promise<SearchResult<T>> {
    this.countRead();
    const patientId = request.patientId ?? spaceOf(this.actor);
    return searchResources<T>(this, this.db.sql, type, { ...request, patientId });
  }

  /** A patient's own Patient, as the search by its id finds it, in one round trip (patient-search.ts). */
  async searchPatient(patientId: string): Promise<Patient | undefined> {
    this.countRead();
    return searchPatientById(this, this.db.sql, patientId);
  }

  /**
   * The same search of several types of one patient's record, in one round trip; each type is
   * counted and decided as its own search would be, and the search of them all leaves one audit
   * row naming each type and what was found of it (search.ts, types-searched.ts).
   */
  async searchTypes(types: Resource["resourceType"][], request: Parameters<typeof searchResourcesOfTypes>[3]): Promise<Map<string, SearchResult<Resource>>> {
    types.forEach(() => this.countRead());
    return searchResourcesOfTypes(this, this.db.sql, types, { ...request, patientId: request.patientId ?? spaceOf(this.actor) });
  }

  /**
   * The display names of directory entries (professionals, facilities) by id, for the pages
   * (documents/directory-names.ts): decided, counted and audited as the search of those types by
   * id is, the names kept a minute by each process (directory-entry-names.ts says why).
   */
  async directoryEntryNames(types: readonly DirectoryType[], ids: readonly string[]): Promise<Map<string, string>> {
    types.forEach(() => this.countRead());
    return directoryEntryNames(this, this.db.sql, types, ids, spaceOf(this.actor));
  }

  /** The same search, each resource as its stored JSON text (for the API, which sends it as it is). */
  async searchJson(type: Resource["resourceType"], request: SearchRequest): Promise<SearchResult<StoredJson>> {
    this.countRead();
    const patientId = request.patientId ?? spaceOf(this.actor);
    return searchStoredJson(this, this.db.sql, type, { ...request, patientId });
  }

  /** The same search of documents, each as its title and date only (a list to choose from; search.ts). */
  async searchDocumentHeadings(request: SearchRequest): Promise<SearchResult<DocumentHeading>> {
    this.countRead();
    const patientId = request.patientId ?? spaceOf(this.actor);
    return searchDocumentHeadings(this, this.db.sql, { ...request, patientId });
  }

  /** The file of a document, after the access decision on the document (audited as a download). */
  async readDocumentFile(documentId: string): Promise<{ document: DocumentReference; file: StoredFile }> {
    this.countRead();
    const row = await this.withDenials(() => this.guard(this.db.sql, "DocumentReference", documentId, "read", "download"));
    const document = row.content as DocumentReference;
    const binaryId = document.content?.[0]?.attachment?.url?.replace(/^Binary\//, "") ?? "";
    const { file } = await this.fileOfDocument(row, binaryId);
    return { document, file };
  }

  /**
   * A file by its own id (the FHIR API's Binary/<id>, where an attachment's url leads), under
   * the decision on the document it was uploaded with, audited as a download of that document.
   * A file that belongs to no readable document answers like one that does not exist.
   */
  async readBinary(binaryId: string): Promise<{ document: DocumentReference; binary: Resource; file: StoredFile }> {
    const binary = await loadRow(this.db.sql, "Binary", binaryId);
    const documentId = binary && !binary.deleted ? documentIdOfBinary(binary) : undefined;
    if (!binary || !documentId) {
      const reason = binary?.deleted ? "deleted" : "no-document";
      if (binary?.patient_id) await this.audit({ patientId: binary.patient_id, entity: `Binary/${binaryId}`, interaction: "download", outcome: "denied", reason });
      throw notFound();
    }
    const row = await this.withDenials(() => this.guard(this.db.sql, "DocumentReference", documentId, "read", "download"));
    const { file, binaryRow } = await this.fileOfDocument(row, binaryId);
    return { document: row.content as DocumentReference, binary: binaryRow.content, file };
  }

  /**
   * The bytes of `binaryId` as the file of this (readable) document, only if it is that
   * document's own file both ways: the document's attachment names it, the Binary names the
   * document back (securityContext, set at upload, never by a client), and the bytes are stored
   * for the document's patient. A document pointed at someone else's file gets nothing
   * (SECURITY-CASES 39); the attempt is in the patient's trail.
   */
  private async fileOfDocument(document: ResourceRow, binaryId: string): Promise<{ file: StoredFile; binaryRow: ResourceRow }> {
    const entity = documentReferenceOf(document.id);
    const binaryRow = await this.ownFileRow(document, binaryId);
    const file = binaryRow && document.patient_id ? await getFile(this.db.sql, binaryId, document.patient_id) : undefined;
    if (!file || !binaryRow) {
      await this.audit({ patientId: document.patient_id, entity, interaction: "download", outcome: "denied", reason: "not-its-file" });
      throw notFound();
    }
    await this.audit({ patientId: document.patient_id, entity, interaction: "download", outcome: "success" });
    return { file, binaryRow };
  }

  /** The Binary row of `binaryId` if it is this document's own file both ways (see fileOfDocument). */
  private async ownFileRow(document: ResourceRow, binaryId: string): Promise<ResourceRow | undefined> {
    const named = ((document.content as DocumentReference).content ?? []).some((entry) => entry.attachment?.url === `Binary/${binaryId}`);
    const binaryRow = named && isUuid(binaryId) ? await loadRow(this.db.sql, "Binary", binaryId) : undefined;
    const owned = !!binaryRow && !binaryRow.deleted && documentIdOfBinary(binaryRow) === document.id && binaryRow.patient_id === document.patient_id;
    return owned ? binaryRow : undefined;
  }

  /** One more copy of a whole record by this account (record-copy-limit.ts): throws past the hour's copies. */
  countRecordCopy(): void {
    countRecordCopy(this.db.sql, this.actor, this.now());
  }

  /**
   * Whether this actor may search a type of a patient's record at all (a row of normal
   * confidentiality, without labels, the most any row of it can be allowed). The copy of a record
   * (record-copy/) leaves out what a caregiver's rights do not reach, rather than leave a refused
   * search of it in the patient's trail.
   */
  async maySearchType(patientId: string, type: Resource["resourceType"]): Promise<boolean> {
    if (!isUuid(patientId)) return false;
    return (await this.decideOn("search", { resourceType: type, patientId, confidentiality: "N", labels: [] })).allow;
  }

  /**
   * The files of up to a page (MAX_COUNT) of documents, one at a time, for the copy of a record
   * (record-copy/): each document read again and decided as a download is, its file checked as
   * readDocumentFile checks it, the page's audit rows (one per document) written together before
   * any file is read. One read counted per page, as for the search that listed them (5,000 files
   * counted one by one could never pass the per-minute limit). A document deleted or refused since
   * it was listed is left out, its refusal in the trail; a file erased meanwhile too.
   */
  async *documentFilesForCopy(documentIds: readonly string[]): AsyncGenerator<{ document: DocumentReference; file: StoredFile }> {
    if (documentIds.length > MAX_COUNT) throw new Error(`documentFilesForCopy: at most ${MAX_COUNT} documents at a time`);
    this.countRead();
    const ready: { row: ResourceRow; binaryId: string }[] = [];
    const entries: AuditEntry[] = [];
    for (const id of documentIds) {
      try {
        const row = await this.guard(this.db.sql, "DocumentReference", id, "read", "download");
        const binaryId = (row.content as DocumentReference).content?.[0]?.attachment?.url?.replace(/^Binary\//, "") ?? "";
        const owned = await this.ownFileRow(row, binaryId);
        const entity = documentReferenceOf(row.id);
        if (owned) ready.push({ row, binaryId });
        entries.push(owned ? { patientId: row.patient_id, entity, interaction: "download", outcome: "success" } : { patientId: row.patient_id, entity, interaction: "download", outcome: "denied", reason: "not-its-file" });
      } catch (error) {
        if (!(error instanceof Denied)) throw error;
        if (error.entry) entries.push(error.entry);
      }
    }
    // Together, they go in one INSERT of the audit's group commit (audit-batch.ts).
    await Promise.all(entries.map((entry) => this.audit(entry)));
    for (const { row, binaryId } of ready) {
      const file = await getFile(this.db.sql, binaryId, row.patient_id ?? "");
      if (file) yield { document: row.content as DocumentReference, file };
    }
  }

  /**
   * Every version of a patient's resources of one type, newest first, a page at a time (the
   * history of their sharing choices): one decision for the whole compartment's type, one
   * audit row. Types whose rows differ in confidentiality are not for this method.
   */
  async historyOfType(patientId: string, type: "Consent", page: { limit: number; offset: number }): Promise<{ versions: TypeVersion[]; hasMore: boolean }> {
    if (!isUuid(patientId)) throw notFound();
    const decision = await this.decideOn("history", { resourceType: type, patientId, confidentiality: "N", labels: [] });
    if (!decision.allow) {
      await this.audit({ patientId, entity: type, interaction: "history", outcome: "denied", reason: decision.reason });
      throw notFound();
    }
    const rows = await versionsOfType(this.db.sql, patientId, type, page.limit + 1, page.offset);
    await this.audit({ patientId, entity: type, interaction: "history", outcome: "success", detail: { offset: page.offset } });
    return { versions: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
  }

  /** For a practitioner: every patient who authorised them, and whether their rules let them in now (practitioner-patients.ts). */
  async practitionerPatients(): Promise<PractitionerPatients> {
    return this.actor.kind === "practitioner" ? practitionerPatients(this.db.sql, this.actor, this.now()) : { patients: [], ended: 0 };
  }

  /** The professionals' directory, searched by words (directory-search.ts): public to every signed-in actor. */
  async searchProfessionals(query: string, limit = 20): Promise<{ cards: ProfessionalCard[]; more: boolean }> {
    const words = foldWords(query);
    if (words.length === 0 || !(await this.directoryReadable())) return { cards: [], more: false };
    return findProfessionals(this.db.sql, { words, limit });
  }

  /** Directory cards (name, specialty, town) of the professionals named by id, kept a minute by the process (directory-cards.ts). */
  async describeProfessionals(ids: string[]): Promise<Map<string, ProfessionalCard>> {
    const wanted = [...new Set(ids)].filter(isUuid);
    if (wanted.length === 0 || !(await this.directoryReadable())) return new Map();
    return directoryCards(this.db.sql, wanted);
  }

  private async directoryReadable(): Promise<boolean> {
    return (await this.decideOn("search", { resourceType: "Practitioner", confidentiality: "N", labels: [] })).allow;
  }

  /**
   * For a practitioner asking for emergency access: the ids of the patients matching exactly.
   * Ids only, and only to a practitioner; the caller checks the patient's rules and audits.
   */
  async matchPatientsForEmergency(criteria: EmergencyCriteria): Promise<string[]> {
    if (this.actor.kind !== "practitioner") return [];
    return unsafeMatchPatientIds(this.db.sql, criteria);
  }

  /**
   * For a practitioner: the messages of the conversations they take part in, across their
   * patients (or of one conversation, or only those unread: practitioner-messages.ts), each
   * decided with its patient's rules: a patient who blocked them or whose authorisation ended is
   * left out. One audit row per patient read.
   */
  async practitionerMessages(filter: PractitionerMessagesFilter = {}): Promise<PatientMessages[]> {
    if (this.actor.kind !== "practitioner") return [];
    this.countRead();
    const rows = await practitionerMessageRows(this.db.sql, agentRef(this.actor), filter);
    const byPatient = new Map<string, Resource[]>();
    for (const row of rows) {
      if (!row.patient_id) continue;
      const decision = await this.decideOn("search", factsOfRow(this.rowSeen(row) ?? row));
      if (decision.allow) byPatient.set(row.patient_id, [...(byPatient.get(row.patient_id) ?? []), row.content]);
    }
    for (const [patientId, messages] of byPatient) {
      await this.audit({ patientId, entity: "Communication", interaction: "search", outcome: "success", detail: { results: messages.length } });
    }
    return [...byPatient].map(([patientId, messages]) => ({ patientId, messages: messages as PatientMessages["messages"] }));
  }

  /** For a practitioner: their own roles in the directory (whether they may break the glass). */
  async ownPractitionerRoles(): Promise<PractitionerRole[]> {
    return this.actor.kind === "practitioner" ? rolesOfPractitioner(this.db.sql, this.actor.practitionerId) : [];
  }
}
