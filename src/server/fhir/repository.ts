import "server-only";
import { randomUUID } from "node:crypto";
import type { Coding, DocumentReference, Resource } from "@medplum/fhirtypes";
import { spaceOf, type Actor } from "../access/actor";
import { decide, decisionReadsRules, type Decision } from "../access/decide";
import type { Interaction, ResourceFacts } from "../access/facts";
import { emptyRules, type PatientRules } from "../access/rules";
import type { AuditEntry, AuditInteraction, RequestContext } from "../audit/audit-entry";
import { auditBatcherFor } from "../audit/audit-batch";
import { auditRow, writeAudit } from "../audit/write-audit";
import { database, type Database } from "../db/client";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import { inPrisma, type Queryable } from "../db/queryable";
import { patientIdOf } from "./columns";
import { matchPatientIds, type EmergencyCriteria } from "./emergency-match";
import { Denied } from "./denied";
import { withStoredFile } from "./document-attachment";
import { forbidden, notFound } from "./errors";
import { allVersions, checkVersion, versionRow, type StoredVersion } from "./history-rows";
import { isUuid } from "./ids";
import { getFile, putFile, type StoredFile } from "./file-store";
import { loadRules } from "./load-rules";
import { authorisationOf, authorisingPatientIds, type AuthorisingPatient } from "./practitioner-patients";
import { factsOfRow, loadRow, type ResourceRow } from "./resource-row";
import { factsForWrite } from "./write-facts";
import { searchResources } from "./search";
import type { SearchRequest, SearchResult } from "./search-request";
import { checkNamedProfessional, prepareForWrite } from "./prepare-write";
import { writeTombstone, writeVersion } from "./write-rows";
import { prepareValidator, validateForWrite } from "./validate";

type Db = Queryable;

/** What a use case may do inside Repository.transaction(): its own SQL on `tx`, and the actor's writes. */
export type TransactionScope = {
  tx: TransactionClient;
  create<T extends Resource>(resource: T): Promise<T>;
  setStatus(type: string, id: string, status: string, interaction: Interaction): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
};

/**
 * The one door to patient data. Built for one Actor, once per request: every read, search and
 * write asks decide() and leaves an audit row (in the same transaction as a write). Whatever
 * the actor may not see answers exactly like what does not exist.
 */
export class Repository {
  private readonly rulesCache = new Map<string, PatientRules>();

  constructor(
    private readonly db: Database,
    readonly actor: Actor,
    private readonly ctx: RequestContext = {},
    private readonly clock: () => Date = () => new Date(),
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
    if (db) return writeAudit(db, this.actor, this.ctx, entry, this.now());
    await auditBatcherFor(this.db.sql).write(auditRow(this.actor, this.ctx, entry, this.now()));
  }

  /**
   * Loads a resource and checks the actor may do `interaction` to it. A denial answers 404, or
   * 403 when the actor may read the resource anyway; it is audited by `withDenials` once any
   * transaction has rolled back (the patient sees attempts, even failed ones).
   */
  private async guard(
    db: Db,
    type: string,
    id: string,
    interaction: Interaction,
    audit: AuditInteraction,
    lock = false,
  ): Promise<ResourceRow> {
    const row = await loadRow(db, type, id, lock);
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
  private async withDenials<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof Denied)) throw error;
      if (error.entry) await this.audit(error.entry);
      throw error.response;
    }
  }

  async read<T extends Resource>(type: T["resourceType"], id: string, audit: AuditInteraction = "read"): Promise<T> {
    const row = await this.withDenials(() => this.guard(this.db.sql, type, id, "read", audit));
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: audit, outcome: "success" });
    return row.content as T;
  }

  async vread<T extends Resource>(type: T["resourceType"], id: string, versionId: string): Promise<T> {
    const row = await this.withDenials(() => this.guard(this.db.sql, type, id, "read", "vread"));
    const version = Number(versionId);
    const found = Number.isInteger(version) ? await versionRow(this.db.prisma, id, version) : undefined;
    if (!found || found.deleted) throw notFound();
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}/_history/${version}`, interaction: "vread", outcome: "success" });
    return found.content as T;
  }

  /** Every version, newest first. A deleted resource's history stays readable to its owner. */
  async history(type: string, id: string): Promise<StoredVersion[]> {
    const row = await loadRow(this.db.sql, type, id);
    if (!row) throw notFound();
    const decision = await this.decideOn("history", factsOfRow(row));
    if (!decision.allow) {
      await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: "history", outcome: "denied", reason: decision.reason });
      throw notFound();
    }
    const versions = await allVersions(this.db.prisma, id);
    await this.audit({ patientId: row.patient_id, entity: `${type}/${id}`, interaction: "history", outcome: "success" });
    return versions;
  }

  async search<T extends Resource>(type: T["resourceType"], request: SearchRequest): Promise<SearchResult<T>> {
    const patientId = request.patientId ?? spaceOf(this.actor);
    return searchResources<T>(this, this.db.sql, type, { ...request, patientId });
  }

  async create<T extends Resource>(input: T, options: { indexText?: string } = {}): Promise<T> {
    return this.withDenials(() => this.db.prisma.$transaction((tx) => this.createIn(tx, input, this.newIdFor(input.id), options)));
  }

  /** The server gives ids; only the system (the seed's fixed demo identities) may choose one. */
  private newIdFor(requested: string | undefined): string {
    return this.actor.kind === "system" && requested && isUuid(requested) ? requested.toLowerCase() : randomUUID();
  }

  private async createIn<T extends Resource>(
    tx: TransactionClient,
    input: T,
    id: string,
    options: { indexText?: string; facts?: Partial<ResourceFacts> } = {},
  ): Promise<T> {
    const now = this.now();
    const q = inPrisma(tx);
    const resource = prepareForWrite(this.actor, input, { id, versionId: 1, now });
    validateForWrite(resource);
    const facts = { ...(await factsForWrite(q, resource)), ...options.facts };
    const decision = await this.decideOn("create", facts, q);
    if (!decision.allow) {
      throw new Denied(
        { patientId: facts.patientId ?? null, entity: `${resource.resourceType}/${id}`, interaction: "create", outcome: "denied", reason: decision.reason },
        facts.patientId && facts.patientId === spaceOf(this.actor) ? forbidden() : notFound(),
      );
    }
    checkNamedProfessional(this.actor, resource, undefined);
    await writeVersion(tx, resource, facts, 1, now, options.indexText, true);
    await this.audit({ patientId: facts.patientId ?? null, entity: `${resource.resourceType}/${id}`, interaction: "create", outcome: "success" }, q);
    this.forgetRulesIfNeeded(resource);
    return resource;
  }

  /**
   * Creates a document and its file together: the DocumentReference, a Binary resource that
   * points back to it (securityContext) and the encrypted bytes, in one transaction.
   */
  async createDocument(
    input: DocumentReference,
    file: { bytes: Buffer; contentType: string },
    options: { indexText?: string } = {},
  ): Promise<DocumentReference> {
    return this.withDenials(() =>
      this.db.prisma.$transaction(async (tx) => {
        const documentId = this.newIdFor(input.id);
        const binaryId = this.newIdFor(input.content?.[0]?.attachment?.url?.replace(/^Binary\//, ""));
        const document = await this.createIn(tx, withStoredFile(input, binaryId, file), documentId, options);
        const patientId = patientIdOf(document) ?? "";
        await this.createIn(
          tx,
          { resourceType: "Binary", contentType: file.contentType, securityContext: { reference: `DocumentReference/${documentId}` } },
          binaryId,
          { facts: { patientId, id: documentId } },
        );
        await putFile(tx, binaryId, patientId, file.bytes, file.contentType);
        return document;
      }),
    );
  }

  /** The file of a document, after the access decision on the document (audited as a download). */
  async readDocumentFile(documentId: string): Promise<{ document: DocumentReference; file: StoredFile }> {
    const row = await this.withDenials(() => this.guard(this.db.sql, "DocumentReference", documentId, "read", "download"));
    const document = row.content as DocumentReference;
    const binaryId = document.content?.[0]?.attachment?.url?.replace(/^Binary\//, "") ?? "";
    const file = isUuid(binaryId) && row.patient_id ? await getFile(this.db.prisma, binaryId, row.patient_id) : undefined;
    if (!file) throw notFound();
    await this.audit({ patientId: row.patient_id, entity: `DocumentReference/${documentId}`, interaction: "download", outcome: "success" });
    return { document, file };
  }

  /**
   * Sets a resource's meta.security (its confidentiality level), which update() keeps from the
   * stored version. A privacy choice of the patient: allowed to whoever may change the patient's
   * privacy rules (the patient, a guardian, a delegate with privacy:manage) and can read the resource.
   */
  async setSecurityLabels<T extends Resource>(type: T["resourceType"], id: string, labels: Coding[], options: { ifMatch?: string } = {}): Promise<T> {
    return this.withDenials(() => this.db.prisma.$transaction(async (tx) => {
      const q = inPrisma(tx);
      const stored = await this.guard(q, type, id, "read", "update", true);
      const privacy = await this.decideOn("update", { resourceType: "Consent", patientId: stored.patient_id ?? undefined, confidentiality: "N", labels: [] }, q);
      if (!privacy.allow) {
        throw new Denied({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "update", outcome: "denied", reason: privacy.reason }, forbidden());
      }
      checkVersion(stored, options.ifMatch);
      const now = this.now();
      const versionId = stored.version_id + 1;
      const meta = { versionId: String(versionId), lastUpdated: now.toISOString(), ...(labels.length > 0 ? { security: labels } : {}) };
      const resource = { ...stored.content, meta } as T;
      validateForWrite(resource);
      const facts = await factsForWrite(q, resource);
      await writeVersion(tx, resource, facts, versionId, now, undefined, false);
      const codes = labels.map((label) => label.code ?? "").join(",");
      await this.audit({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "update", outcome: "success", detail: { security: codes } }, q);
      return resource;
    }));
  }

  /** For a practitioner: the patients whose rules let them in now (authorised, not blocked, not expired). */
  async patientsWhoAuthorise(): Promise<AuthorisingPatient[]> {
    const actor = this.actor;
    if (actor.kind !== "practitioner") return [];
    const found: AuthorisingPatient[] = [];
    for (const patientId of await authorisingPatientIds(this.db.prisma, actor.practitionerId)) {
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
    return matchPatientIds(this.db.prisma, criteria);
  }

  /** Replaces a resource. Checked against the stored version and the new one; `ifMatch` guards lost updates. */
  async update<T extends Resource>(input: T, options: { ifMatch?: string; indexText?: string } = {}): Promise<T> {
    const id = input.id ?? "";
    return this.withDenials(() => this.db.prisma.$transaction(async (tx) => {
      const q = inPrisma(tx);
      const stored = await this.guard(q, input.resourceType, id, "update", "update", true);
      checkVersion(stored, options.ifMatch);
      const now = this.now();
      const versionId = stored.version_id + 1;
      const resource = prepareForWrite(this.actor, input, { id, versionId, now, stored: stored.content });
      validateForWrite(resource);
      const facts = await factsForWrite(q, resource);
      // Moving a resource to another compartment, or out of what the actor may write, is refused.
      const decision = await this.decideOn("update", facts, q);
      if (!decision.allow || facts.patientId !== (stored.patient_id ?? undefined)) {
        throw new Denied(
          { patientId: stored.patient_id, entity: `${input.resourceType}/${id}`, interaction: "update", outcome: "denied", reason: decision.allow ? "compartment-change" : decision.reason },
          forbidden(),
        );
      }
      checkNamedProfessional(this.actor, resource, stored.content);
      await writeVersion(tx, resource, facts, versionId, now, options.indexText, false);
      await this.audit({ patientId: stored.patient_id, entity: `${input.resourceType}/${id}`, interaction: "update", outcome: "success" }, q);
      this.forgetRulesIfNeeded(resource);
      return resource as T;
    }));
  }

  /** Deletes as a tombstone: the row stays, marked deleted, and a last version records it. */
  async delete(type: string, id: string, options: { ifMatch?: string } = {}): Promise<void> {
    await this.withDenials(() => this.db.prisma.$transaction(async (tx) => {
      const q = inPrisma(tx);
      const stored = await this.guard(q, type, id, "delete", "delete", true);
      checkVersion(stored, options.ifMatch);
      const now = this.now();
      const versionId = stored.version_id + 1;
      await writeTombstone(tx, stored, versionId, now);
      await this.audit({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "delete", outcome: "success" }, q);
      this.forgetRulesIfNeeded(stored.content);
    }));
  }

  /**
   * Runs `fn` in one transaction, with the actor's writes and audit rows bound to it, for use
   * cases whose own rows (a share link, a dispensation guard) must commit or roll back together
   * with the resources and the trace they go with. A denial inside rolls everything back and is
   * audited afterwards, as for the other writes. Inside `fn`, use only `scope.tx` (on PGlite a
   * query outside the open transaction would wait for it forever).
   */
  async transaction<T>(fn: (scope: TransactionScope) => Promise<T>): Promise<T> {
    return this.withDenials(() =>
      this.db.prisma.$transaction((tx) =>
        fn({
          tx,
          create: (resource) => this.createIn(tx, resource, randomUUID()),
          setStatus: (type, id, status, interaction) => this.setStatusIn(tx, type, id, status, interaction),
          audit: (entry) => this.audit(entry, inPrisma(tx)),
        }),
      ),
    );
  }

  /**
   * Changes only the status of a resource, under `interaction` rather than "update": a link
   * holder may "dispense" a MedicationRequest of its prescription (and so complete it) without
   * being allowed to edit it.
   */
  private async setStatusIn(tx: TransactionClient, type: string, id: string, status: string, interaction: Interaction): Promise<void> {
    const q = inPrisma(tx);
    const stored = await this.guard(q, type, id, interaction, "update", true);
    const now = this.now();
    const versionId = stored.version_id + 1;
    const resource = { ...stored.content, status, meta: { ...stored.content.meta, versionId: String(versionId), lastUpdated: now.toISOString() } } as Resource;
    validateForWrite(resource);
    const facts = await factsForWrite(q, resource);
    await writeVersion(tx, resource, facts, versionId, now, undefined, false);
    await this.audit({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "update", outcome: "success", detail: { status } }, q);
  }

  private forgetRulesIfNeeded(resource: Resource) {
    if (resource.resourceType === "Consent" || resource.resourceType === "RelatedPerson") this.rulesCache.clear();
  }
}

export { isUuid };

/** The repository for the current request's actor. */
export async function createRepository(actor: Actor, ctx: RequestContext = {}): Promise<Repository> {
  return new Repository(await database(), actor, ctx);
}

/** The named bypass for seeding, jobs and tests: acts as the system, still audited. */
export async function systemRepository(purpose: string): Promise<Repository> {
  return new Repository(await database(), { kind: "system", purpose });
}
