import "server-only";
import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import { spaceOf, type Actor } from "../access/actor";
import { decide, decisionReadsRules, type Decision } from "../access/decide";
import type { Interaction, ResourceFacts } from "../access/facts";
import { emptyRules, type PatientRules } from "../access/rules";
import type { AuditEntry, AuditInteraction, RequestContext } from "../audit/audit-entry";
import { auditBatcherFor } from "../audit/audit-batch";
import { auditRow, writeAudit } from "../audit/write-audit";
import type { Database } from "../db/client";
import type { Queryable } from "../db/queryable";
import { matchPatientIds, type EmergencyCriteria } from "./emergency-match";
import { Denied } from "./denied";
import { forbidden, notFound } from "./errors";
import { allVersions, versionRow, type StoredVersion } from "./history-rows";
import { isUuid } from "./ids";
import { getFile, type StoredFile } from "./file-store";
import { loadRules } from "./load-rules";
import { countRead, readRefusal, type ReadLimited } from "./read-limit";
import { authorisationOf, authorisingPatientIds, type AuthorisingPatient } from "./practitioner-patients";
import { factsOfRow, loadRow, type ResourceRow } from "./resource-row";
import { searchResources, searchStoredJson, type StoredJson } from "./search";
import type { SearchRequest, SearchResult } from "./search-request";
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
    protected readonly clock: () => Date = () => new Date(),
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
      rules = await loadRules(db, patientId);
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
    if (db) return writeAudit(db, this.actor, this.ctx, entry, this.now());
    await auditBatcherFor(this.db.sql).write(auditRow(this.actor, this.ctx, entry, this.now()));
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
  ): Promise<ResourceRow> {
    const row = this.rowSeen(await loadRow(db, type, id, lock));
    const entity = `${type}/${id}`;
    if (!row || row.deleted) {
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

  async vread<T extends Resource>(type: T["resourceType"], id: string, versionId: string): Promise<T> {
    this.countRead();
    const row = await this.withDenials(() => this.guard(this.db.sql, type, id, "read", "vread"));
    const version = Number(versionId);
    const found = Number.isInteger(version) ? await versionRow(this.db.sql, id, version) : undefined;
    if (!found || found.deleted) throw notFound();
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}/_history/${version}`, interaction: "vread", outcome: "success" });
    return found.content as T;
  }

  /** Every version, newest first. A deleted resource's history stays readable to its owner. */
  async history(type: string, id: string): Promise<StoredVersion[]> {
    this.countRead();
    const row = this.rowSeen(await loadRow(this.db.sql, type, id));
    if (!row) throw notFound();
    const decision = await this.decideOn("history", factsOfRow(row));
    if (!decision.allow) {
      await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: "history", outcome: "denied", reason: decision.reason });
      throw notFound();
    }
    const versions = await allVersions(this.db.sql, id);
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: "history", outcome: "success" });
    return versions;
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
    const file = isUuid(binaryId) && row.patient_id ? await getFile(this.db.prisma, binaryId, row.patient_id) : undefined;
    if (!file) throw notFound();
    await this.audit({ patientId: row.patient_id, entity: `DocumentReference/${documentId}`, interaction: "download", outcome: "success" });
    return { document, file };
  }

  /** For a practitioner: the patients whose rules let them in now (authorised, not blocked, not expired). */
  async patientsWhoAuthorise(): Promise<AuthorisingPatient[]> {
    const actor = this.actor;
    if (actor.kind !== "practitioner") return [];
    const found: AuthorisingPatient[] = [];
    for (const patientId of await authorisingPatientIds(this.db.sql, actor.practitionerId)) {
      const authorisation = authorisationOf(actor, patientId, await this.rules(patientId), this.now());
      if (authorisation) found.push(authorisation);
    }
    return found;
  }

  /**
   * For a practitioner asking for emergency access: the ids of the patients matching exactly.
   * Ids only, and only to a practitioner; the caller checks the patient's rules and audits.
   */
  async matchPatientsForEmergency(criteria: EmergencyCriteria): Promise<string[]> {
    if (this.actor.kind !== "practitioner") return [];
    return matchPatientIds(this.db.sql, criteria);
  }

  protected forgetRulesIfNeeded(resource: Resource) {
    if (resource.resourceType === "Consent" || resource.resourceType === "RelatedPerson") this.rulesCache.clear();
  }
}
