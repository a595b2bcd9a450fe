import "@/server/server-only";
import { now } from "../clock";
import { forgetDirectoryCards } from "./directory-cards";
import { forgetDirectoryEntry } from "./directory-entry-names";
import type { Resource } from "@medplum/fhirtypes";
import { spaceOf, type Actor } from "../access/actor";
import { purposeOfUse } from "../access/break-glass";
import { decide, decisionReadsRules } from "../access/decide";
import type { Decision } from "../access/decision";
import { seesDeleted } from "../access/deleted-resources";
import type { Interaction, ResourceFacts } from "../access/facts";
import { emptyRules, type PatientRules } from "../access/rules";
import type { AuditEntry, AuditInteraction, RequestContext } from "../audit/audit-entry";
import { auditBatcherFor } from "../audit/audit-batch";
import { auditRow, writeAudit, type AuditRow } from "../audit/write-audit";
import type { Database } from "../db/client";
import type { Queryable } from "../db/queryable";
import { Denied } from "./denied";
import { forbidden, notFound } from "./errors";
import { isUuid } from "./ids";
import { agentTieNow } from "./agent-tie";
import { patientRowReadWith, unsafeLoadRules } from "./load-rules";
import { countRead, readRefusal, type ReadLimited } from "./read-limit";
import { factsOfRow, loadRow, type ResourceRow } from "./resource-row";
import { prepareValidator } from "./validate";

type Db = Queryable;

/**
 * What every door of the repository stands on, for one actor and one request: the patient's
 * rules (read once), the decision, the audit row (with its purpose of use), the guard that
 * loads a resource and refuses what the actor may not do to it (404, or 403 where they may read
 * it), and the per-account read limit. The reads are read-repository.ts's, the writes
 * repository.ts's.
 */
export class GuardedRepository {
  private readonly rulesCache = new Map<string, Promise<PatientRules>>();
  /** Rows this request started reading before its repository existed, by "Type/id" (see readingRow). */
  private readonly rowsRead = new Map<string, Promise<ResourceRow | undefined>>();
  /** Patient ids known to name a stored Patient in this request (see patientExists). */
  private readonly knownPatients = new Set<string>();
  /** This request's audit rows held for one INSERT (see holdAudit); undefined: each row goes at once. */
  private heldAudit: AuditRow[] | undefined;
  /** The request's repository whose rows this one's go with (see auditAlongside). */
  private auditParent: GuardedRepository | undefined;

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

  /**
   * The rules of a patient, read once per request (a change of rules clears them). The read is
   * kept, not its result: the reads a page starts at once (its list, its filters, its banner) share
   * it instead of each finding nothing kept yet (a caregiver's documents page read the same rules
   * four times, issue 16). A read that failed is not kept.
   */
  async rules(patientId: string, db: Db = this.db.sql): Promise<PatientRules> {
    const rules = this.rulesCache.get(patientId);
    if (rules) return rules;
    const reading = unsafeLoadRules(db, patientId);
    this.rulesCache.set(patientId, reading);
    reading.catch(() => {
      if (this.rulesCache.get(patientId) === reading) this.rulesCache.delete(patientId);
    });
    return reading;
  }

  /**
   * A read of one stored row this request started before its repository existed (beside the
   * session's, for a page that names the resource in its path: page-scope.ts). The next guarded
   * read of that resource decides on it and audits it as on a row it loaded itself; it is used
   * once, and forgotten at any write of this request, so nothing is ever decided on a row older
   * than the request's own changes. A read that failed is read again.
   */
  readingRow(type: string, id: string, reading: Promise<ResourceRow | undefined>): void {
    reading.catch(() => undefined);
    this.rowsRead.set(`${type}/${id}`, reading);
  }

  /** The row readingRow started for this resource, once; undefined: none, or its read failed. */
  private async rowAlreadyRead(type: string, id: string): Promise<{ row: ResourceRow | undefined } | undefined> {
    const reading = this.rowsRead.get(`${type}/${id}`);
    if (!reading) return undefined;
    this.rowsRead.delete(`${type}/${id}`);
    return reading.then((row) => ({ row }), () => undefined);
  }

  /**
   * Rules this request has already read for a patient (with a page's session, or to resolve a
   * caregiver's actor: actor-for-session.ts): kept as if read here.
   */
  knowRules(rules: PatientRules): void {
    if (!this.rulesCache.has(rules.patientId)) this.rulesCache.set(rules.patientId, Promise.resolve(rules));
  }

  /**
   * At the start of a write's transaction: a caregiver's or guardian's tie locked and the rules
   * read again, kept for the decisions of this write (agent-tie.ts says why). A tie that no longer
   * applies refuses the write, as the next request would be, and the refusal is in the trail.
   */
  protected async holdAgentTie(db: Db, interaction: AuditInteraction): Promise<void> {
    const tie = await agentTieNow(db, this.actor, this.now());
    if (!tie) return;
    this.rulesCache.set(tie.rules.patientId, Promise.resolve(tie.rules));
    if (tie.live) return;
    const patientId = tie.rules.patientId;
    throw new Denied({ patientId, entity: `Patient/${patientId}`, interaction, outcome: "denied", reason: "delegation-ended" }, notFound());
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
    await this.writeRow(auditRow(this.actor, this.ctx, labelled, this.now()));
  }

  /** A row outside a transaction: with the rows held for the page, or committed at once. */
  private async writeRow(row: AuditRow): Promise<void> {
    if (this.auditParent) return this.auditParent.writeRow(row);
    if (this.heldAudit) this.heldAudit.push(row);
    else await auditBatcherFor(this.db.sql).write(row);
  }

  /**
   * For a repository a request builds beside its own, as another actor (the list of spaces reads
   * each person's name as their caregiver): its rows go with the request repository's, in the
   * page's one INSERT while that one holds them (holdAudit), at once afterwards. Each wrote its
   * own: three INSERTs and three commits on a caregiver's every home page (issue 16).
   */
  auditAlongside(parent: GuardedRepository): void {
    this.auditParent = parent;
  }

  /**
   * From now on, the rows audit() writes outside a transaction wait for flushAudit(), which
   * commits them in one INSERT. For a page's loader, whose data leaves only once it has
   * returned: the documents page wrote four rows, each its own round trip and commit (issue 16).
   * Whoever holds must flush before anything read is sent, and also when the loader throws (a
   * denial's row is kept): framed-page.ts does, in a finally.
   */
  holdAudit(): void {
    this.heldAudit ??= [];
  }

  /** Commits the held rows (see holdAudit) and stops holding: rows written afterwards go at once. */
  async flushAudit(): Promise<void> {
    const rows = this.heldAudit;
    this.heldAudit = undefined;
    if (rows && rows.length > 0) await auditBatcherFor(this.db.sql).writeAll(rows);
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

  /**
   * A search found stored rows in this patient's compartment: their trail exists, as for
   * rowSeen. A professional's view of a record searched the Patient, then asked whether that
   * Patient existed before writing the search's audit row: one more round trip, before
   * everything else the page reads (issue 16).
   */
  compartmentSeen(patientId: string): void {
    this.knownPatients.add(patientId);
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
    const row = this.rowSeen(await this.loadGuardedRow(db, type, id, lock));
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

  /**
   * The row guard() decides on. A Patient read by an actor whose decision reads that patient's
   * rules (a caregiver's space, a professional's view) comes with those rules, read once per
   * request (load-rules.ts): not read a second time. Locked rows (writes) are read as they are.
   */
  private async loadGuardedRow(db: Db, type: string, id: string, lock: boolean): Promise<ResourceRow | undefined> {
    if (type === "Patient" && !lock && isUuid(id) && decisionReadsRules(this.actor)) {
      const row = patientRowReadWith(await this.rules(id, db));
      if (row) return row;
    }
    // A row read ahead is for reads outside a transaction: one reads its rows itself, after its own writes.
    const read = !lock && db === this.db.sql ? await this.rowAlreadyRead(type, id) : undefined;
    return read ? read.row : loadRow(db, type, id, lock);
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

  /** After a write of this request: the rows read before it (readingRow) are not decided on, nor the rules when they changed. */
  protected forgetAfterWrite(resource: Resource) {
    this.rowsRead.clear();
    // A Patient too: its birth date ends a guardianship (children/majority.ts).
    if (resource.resourceType === "Consent" || resource.resourceType === "RelatedPerson" || resource.resourceType === "Patient") this.rulesCache.clear();
    // Called before the commit: a name read by another request meanwhile is kept at most the names' minute.
    if (resource.resourceType === "Practitioner" || resource.resourceType === "Organization") forgetDirectoryEntry(resource.resourceType, resource.id);
    forgetDirectoryCards(resource);
  }
}
