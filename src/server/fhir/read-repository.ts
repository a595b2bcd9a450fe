import "server-only";
import { now } from "../clock";
import type { DocumentReference, PractitionerRole, Resource } from "@medplum/fhirtypes";
import { agentRef, spaceOf, type Actor } from "../access/actor";
import { purposeOfUse } from "../access/break-glass";
import { decide, decisionReadsRules, type Decision } from "../access/decide";
import { seesDeleted } from "../access/deleted-resources";
import type { Interaction, ResourceFacts } from "../access/facts";
import { emptyRules, type PatientRules } from "../access/rules";
import type { AuditEntry, AuditInteraction, RequestContext } from "../audit/audit-entry";
import { auditBatcherFor } from "../audit/audit-batch";
import { auditRow, writeAudit } from "../audit/write-audit";
import type { Database } from "../db/client";
import type { Queryable } from "../db/queryable";
import { unsafeMatchPatientIds, type EmergencyCriteria } from "./emergency-match";
import { Denied } from "./denied";
import { documentIdOfBinary, documentReferenceOf } from "./document-files";
import { forbidden, notFound } from "./errors";
import { dispensedTotals } from "./dispensed-totals";
import { versionRow, versionsPage, type VersionPage } from "./history-rows";
import { isUuid } from "./ids";
import { getFile, type StoredFile } from "./file-store";
import { unsafeLoadRules } from "./load-rules";
import { findProfessionals, foldWords, type ProfessionalCard } from "./directory-search";
import { practitionerPatients, type PractitionerPatient } from "./practitioner-patients";
import { practitionerMessageRows, type PatientMessages } from "./practitioner-messages";
import { redactIfWithdrawn } from "./withdrawn-message";
import { rolesOfPractitioner } from "./practitioner-roles";
import { countRead, readRefusal, type ReadLimited } from "./read-limit";
import { versionsOfType, type TypeVersion } from "./type-history";
import { factsOfRow, loadRow, type ResourceRow } from "./resource-row";
import { documentFacetRefs, searchResources, searchStoredJson, type DocumentFacetRefs, type StoredJson } from "./search";
import { MAX_COUNT, type SearchRequest, type SearchResult } from "./search-request";
import { prepareValidator } from "./validate";

type Db = Queryable;

/**
 * The read side of the one door to patient data (repository.ts adds the writes): the patient's
 * rules, the decision, the audit row, and every read and search. Each asks decide() and leaves
 * an audit row; whatever the actor may not see answers exactly like what does not exist.
 */
export class ReadRepository {
  private readonly rulesCache = new Map<string, PatientRules>();
  /** Patient ids known to name a stored Patient in this request (see patientExists). */
  private readonly knownPatients = new Set<string>();

  constructor(
    protected readonly db: Database,
    readonly actor: Actor,
    protected readonly ctx: RequestContext = {},
    protected readonly clock: () => Date = now,
  ) {
    // Once per process, and outside any transaction (see validate.ts).
    prepareValidator();
  }

  now(): Date {
    return this.clock();
  }

  /** The rules of a patient, read once per request (a change of rules clears them). */
  async rules(patientId: string, db: Db = this.db.sql): Promise<PatientRules> {
    let rules = this.rulesCache.get(patientId);
    if (!rules) {
      rules = await unsafeLoadRules(db, patientId);
      this.rulesCache.set(patientId, rules);
    }
    return rules;
  }

  /** The rules decide() will read for this actor: none are loaded for those it decides without (decisionReadsRules). */
  async rulesForDecision(patientId: string, db: Db = this.db.sql): Promise<PatientRules> {
    return decisionReadsRules(this.actor) ? this.rules(patientId, db) : emptyRules(patientId);
  }

  async decideOn(interaction: Interaction, facts: ResourceFacts, db: Db = this.db.sql): Promise<Decision> {
    const rules = facts.patientId ? await this.rulesForDecision(facts.patientId, db) : undefined;
    return decide(this.actor, interaction, facts, rules, this.now());
  }

  /**
   * Records an action (a link opened, a file sent…, and every interaction below). With `db`, in
   * that transaction; without, through the group commit of audit-batch.ts. Either way it returns
   * once the row is committed (or its transaction will commit it).
   */
  async audit(entry: AuditEntry, db?: Db): Promise<void> {
    // Only a patient who exists has a trail: a request naming any other id (a made-up one, or
    // one probed by a script) must not start a chain or fill anyone's history (case 45).
    if (entry.patientId && !(await this.patientExists(entry.patientId, db ?? this.db.sql))) return;
    const labelled = await this.withPurposeOfUse(entry, db);
    if (db) return writeAudit(db, this.actor, this.ctx, labelled, this.now());
    await auditBatcherFor(this.db.sql).write(auditRow(this.actor, this.ctx, labelled, this.now()));
  }

  /**
   * What a professional does under an emergency access (and only then: not when the patient
   * authorises them anyway) is recorded as break-the-glass, so the patient's history says so.
   */
  private async withPurposeOfUse(entry: AuditEntry, db: Db = this.db.sql): Promise<AuditEntry> {
    const actor = this.actor;
    if (actor.kind !== "practitioner" || !actor.emergency || !entry.patientId || entry.patientId !== actor.emergency.patientId) return entry;
    const purpose = purposeOfUse(actor, await this.rules(entry.patientId, db), this.now());
    return purpose ? { ...entry, detail: { ...entry.detail, purposeOfUse: purpose } } : entry;
  }

  /**
   * Whether `patientId` names a stored Patient (deleted or not: a deleted record keeps its
   * trail). The actor's own space, and patients of rows already loaded in this request, are
   * known without asking, so the common paths (a patient in their record, a read of a stored
   * row) cost no query; the others (a search or a write naming a patient) cost one lookup by key.
   */
  protected async patientExists(patientId: string, db: Db): Promise<boolean> {
    if (patientId === spaceOf(this.actor) || this.knownPatients.has(patientId)) return true;
    if (!isUuid(patientId)) return false;
    const rows = await db.query<{ found: number }>(
      "SELECT 1 AS found FROM fhir_resource WHERE id = $1::uuid AND resource_type = 'Patient'",
      [patientId],
    );
    if (rows.length > 0) this.knownPatients.add(patientId);
    return rows.length > 0;
  }

  /** Remembers the patient of a stored row: its trail exists (the row's compartment was checked on write). */
  protected rowSeen(row: ResourceRow | undefined): ResourceRow | undefined {
    if (row?.patient_id) this.knownPatients.add(row.patient_id);
    return row;
  }

  /**
   * Loads a resource and checks the actor may do `interaction` to it. A denial answers 404, or
   * 403 when the actor may read the resource anyway; it is audited by `withDenials` once any
   * transaction has rolled back (the patient sees attempts, even failed ones).
   */
  protected async guard(
    db: Db,
    type: string,
    id: string,
    interaction: Interaction,
    audit: AuditInteraction,
    lock = false,
    deleted: "refuse" | "owner" = "refuse",
  ): Promise<ResourceRow> {
    const row = this.rowSeen(await loadRow(db, type, id, lock));
    const entity = `${type}/${id}`;
    if (!row || (row.deleted && !(deleted === "owner" && seesDeleted(this.actor, row.patient_id)))) {
      throw new Denied(row?.patient_id ? { patientId: row.patient_id, entity, interaction: audit, outcome: "denied", reason: "deleted" } : undefined, notFound());
    }
    const facts = factsOfRow(row);
    const decision = await this.decideOn(interaction, facts, db);
    if (!decision.allow) {
      const readable = interaction !== "read" && (await this.decideOn("read", facts, db)).allow;
      throw new Denied(
        { patientId: row.patient_id, entity, interaction: audit, outcome: "denied", reason: decision.reason },
        readable ? forbidden() : notFound(),
      );
    }
    return row;
  }

  /** Runs `fn`; a denial inside it is audited afterwards (outside any rolled-back transaction). */
  protected async withDenials<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof Denied)) throw error;
      if (error.entry) await this.audit(error.entry);
      throw error.response;
    }
  }

  /**
   * Counts a read or search against the account's limit (read-limit.ts): past it, 429 before
   * anything is read or audited. In the process, no round trip (see rate-limit-counter.ts).
   */
  countRead(): void {
    countRead(this.db.sql, this.actor, this.now());
  }

  /** The refusal the next read would meet, without counting one (pages check before rendering). */
  readRefusal(): ReadLimited | undefined {
    return readRefusal(this.db.sql, this.actor, this.now());
  }

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

  /** Quantities handed over per prescription line, summed in SQL under the actor's rules. */
  async dispensedQuantities(patientId: string, groups?: string[]): Promise<Map<string, number>> {
    return dispensedTotals(this, this.db.sql, patientId, groups);
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

  /** The same search, each resource as its stored JSON text (for the API, which sends it as it is). */
  async searchJson(type: Resource["resourceType"], request: SearchRequest): Promise<SearchResult<StoredJson>> {
    this.countRead();
    const patientId = request.patientId ?? spaceOf(this.actor);
    return searchStoredJson(this, this.db.sql, type, { ...request, patientId });
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
    const named = ((document.content as DocumentReference).content ?? []).some((entry) => entry.attachment?.url === `Binary/${binaryId}`);
    const binaryRow = named && isUuid(binaryId) ? await loadRow(this.db.sql, "Binary", binaryId) : undefined;
    const owned = !!binaryRow && !binaryRow.deleted && documentIdOfBinary(binaryRow) === document.id && binaryRow.patient_id === document.patient_id;
    const file = owned && document.patient_id ? await getFile(this.db.prisma, binaryId, document.patient_id) : undefined;
    if (!file || !binaryRow) {
      await this.audit({ patientId: document.patient_id, entity, interaction: "download", outcome: "denied", reason: "not-its-file" });
      throw notFound();
    }
    await this.audit({ patientId: document.patient_id, entity, interaction: "download", outcome: "success" });
    return { file, binaryRow };
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
  async practitionerPatients(): Promise<PractitionerPatient[]> {
    return this.actor.kind === "practitioner" ? practitionerPatients(this.db.sql, this.actor, this.now()) : [];
  }

  /** The professionals' directory, searched by words (directory-search.ts): public to every signed-in actor. */
  async searchProfessionals(query: string, limit = 20): Promise<{ cards: ProfessionalCard[]; more: boolean }> {
    const words = foldWords(query);
    if (words.length === 0 || !(await this.directoryReadable())) return { cards: [], more: false };
    return findProfessionals(this.db.sql, { words, limit });
  }

  /** Directory cards (name, specialty, town) of the professionals named by id. */
  async describeProfessionals(ids: string[]): Promise<Map<string, ProfessionalCard>> {
    const wanted = [...new Set(ids)].filter(isUuid);
    if (wanted.length === 0 || !(await this.directoryReadable())) return new Map();
    const { cards } = await findProfessionals(this.db.sql, { ids: wanted, limit: wanted.length });
    return new Map(cards.map((card) => [card.id, card]));
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
   * patients (or of one conversation), each decided with its patient's rules: a patient who
   * blocked them or whose authorisation ended is left out. One audit row per patient read.
   */
  async practitionerMessages(conversationId?: string): Promise<PatientMessages[]> {
    if (this.actor.kind !== "practitioner") return [];
    this.countRead();
    const rows = await practitionerMessageRows(this.db.sql, agentRef(this.actor), conversationId);
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

  protected forgetRulesIfNeeded(resource: Resource) {
    // A Patient too: its birth date ends a guardianship (children/majority.ts).
    if (resource.resourceType === "Consent" || resource.resourceType === "RelatedPerson" || resource.resourceType === "Patient") this.rulesCache.clear();
  }
}
