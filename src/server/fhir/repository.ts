import "@/server/server-only";
import { randomUUID } from "node:crypto";
import type { Coding, DocumentReference, Resource } from "@medplum/fhirtypes";
import { spaceOf, type Actor } from "../access/actor";
import type { Interaction, ResourceFacts } from "../access/facts";
import type { AuditInteraction, RequestContext } from "../audit/audit-entry";
import { database } from "../db/client";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import { inPrisma } from "../db/queryable";
import { patientIdOf } from "./columns";
import { Denied } from "./denied";
import { withStoredFile } from "./document-attachment";
import { documentReferenceOf, eraseFilesOf, relabelFilesOf } from "./document-files";
import { forbidden, notFound } from "./errors";
import { checkVersion } from "./history-rows";
import { tellPatientOfChoiceMadeForHer } from "./choice-made-for-patient";
import { isUuid } from "./ids";
import { keepLinePosition, withNextLinePosition } from "./line-position";
import { refuseUndeliverable } from "./message-delivery";
import { countMessage } from "./message-rate-limit";
import { nameSender } from "./message-sender";
import { claimStagedFile, discardStagedFile, stageFile, type StagedFile } from "./file-store";
import type { CreateDocumentOptions, FileBytes, TransactionScope } from "./transaction-scope";
import { refuseFileWrite, WriteGuards } from "./write-guards";
import { factsForWrite } from "./write-facts";
import { prepareForWrite, writtenBy } from "./prepare-write";
import { writeTombstone, writeVersion } from "./write-rows";
import { validateForWrite } from "./validate";
import { eraseWithdrawnText } from "./withdrawn-message";
import { untellWithdrawnMessage } from "./withdrawn-message-news";

export type { TransactionScope } from "./transaction-scope";

/**
 * The one door to patient data. Built for one Actor, once per request: every read, search and
 * write asks decide() and leaves an audit row (in the same transaction as a write). Whatever
 * the actor may not see answers exactly like what does not exist. Reads are ReadRepository's
 * (on GuardedRepository's decision, audit and limit), the checks a write passes besides decide()
 * WriteGuards'; here are the writes, each in one transaction with its audit row.
 */
export class Repository extends WriteGuards {
  async create<T extends Resource>(input: T, options: { indexText?: string } = {}): Promise<T> {
    return this.withDenials(() => this.writeTransaction("create", (tx) => this.createIn(tx, input, this.newIdFor(input.id), options)));
  }

  private async createIn<T extends Resource>(
    tx: TransactionClient,
    input: T,
    id: string,
    options: { indexText?: string; facts?: Partial<ResourceFacts>; file?: StagedFile; fileOf?: string } = {},
  ): Promise<T> {
    if (!options.fileOf) refuseFileWrite(this.actor, input.resourceType);
    const now = this.now();
    const q = inPrisma(tx);
    const prepared = await this.withDefaultLevel(prepareForWrite(this.actor, input, { id, versionId: 1, now, agentName: this.ctx.agentName }), q);
    // The attachment of an uploaded file is the server's, set here after whatever the body said was dropped.
    const resource = (options.file && prepared.resourceType === "DocumentReference" ? withStoredFile(prepared, options.file) : prepared) as T;
    if (resource.resourceType === "Communication" && this.actor.kind !== "system") await nameSender(q, this.actor, resource, patientIdOf(resource) ?? undefined);
    validateForWrite(resource);
    const facts = { ...(await factsForWrite(q, resource)), ...options.facts };
    const decision = await this.decideOn("create", facts, q);
    if (!decision.allow) {
      throw new Denied(
        { patientId: facts.patientId ?? null, entity: `${resource.resourceType}/${id}`, interaction: "create", outcome: "denied", reason: decision.reason },
        facts.patientId && facts.patientId === spaceOf(this.actor) ? forbidden() : notFound(),
      );
    }
    await this.refuseWrite(q, { ...input, id }, resource, undefined, facts.patientId);
    if (resource.resourceType === "Communication" && this.actor.kind !== "system") {
      await refuseUndeliverable(q, this.actor, resource, facts, await this.rules(facts.patientId ?? "", q), now);
      // Past the account's messages of the hour, nothing is written nor notified (message-rate-limit.ts).
      countMessage(this.db.sql, this.actor, now);
    }
    const written = await withNextLinePosition(q, resource, facts.patientId);
    await writeVersion(tx, written, facts, 1, now, options.indexText, true);
    await this.audit({ patientId: facts.patientId ?? null, entity: `${resource.resourceType}/${id}`, interaction: "create", outcome: "success" }, q);
    if (resource.resourceType === "Consent") await tellPatientOfChoiceMadeForHer(q, this.actor, facts.patientId ?? null, now);
    this.forgetAfterWrite(written);
    return written;
  }

  /**
   * Creates a document and its file together: the DocumentReference, a Binary resource that
   * points back to it (securityContext) and the encrypted bytes, in one transaction. Bytes are
   * staged first, outside it (file-store.ts says why); a document that fails discards them.
   */
  async createDocument(input: DocumentReference, file: FileBytes | StagedFile, options: CreateDocumentOptions = {}): Promise<DocumentReference> {
    const staged = "bytes" in file ? await this.stageFile(patientIdOf(input) ?? "", file, input.content?.[0]?.attachment?.url?.replace(/^Binary\//, "")) : file;
    try {
      return await this.withDenials(() => this.writeTransaction("create", (tx) => this.createDocumentIn(tx, input, staged, options)));
    } catch (error) {
      await this.discardStagedFile(staged);
      throw error;
    }
  }

  /**
   * Seals and stores a file's bytes for a document of this patient, before the transaction that
   * creates the document (which claims them). The staged bytes are reachable by nobody until
   * then. Only for an actor who may add a document to this record at all (the document's own
   * decision, with its labels, follows in the transaction): nothing of a refused upload is
   * written, and the refusal is in the patient's trail. `binaryId`: only the system (the seed)
   * may choose it.
   */
  async stageFile(patientId: string, file: FileBytes, binaryId?: string): Promise<StagedFile> {
    if (!isUuid(patientId)) throw notFound();
    const id = patientId.toLowerCase();
    return this.withDenials(async () => {
      const decision = await this.decideOn("create", { resourceType: "DocumentReference", patientId: id, confidentiality: "N", labels: [] });
      if (!decision.allow) {
        throw new Denied(
          { patientId: id, entity: "DocumentReference", interaction: "create", outcome: "denied", reason: decision.reason },
          id === spaceOf(this.actor) ? forbidden() : notFound(),
        );
      }
      return stageFile(this.db.sql, this.newIdFor(binaryId), id, file.bytes, file.contentType);
    });
  }

  /** The staged bytes of a document that was not created. A failure here is left to purgeExpired(): the caller's own error is what matters. */
  async discardStagedFile(file: StagedFile): Promise<void> {
    await discardStagedFile(this.db.sql, file).catch(() => undefined);
  }

  private async createDocumentIn(tx: TransactionClient, input: DocumentReference, file: StagedFile, options: CreateDocumentOptions): Promise<DocumentReference> {
    const documentId = this.newIdFor(input.id);
    const document = await this.createIn(tx, input, documentId, { ...options, file });
    const patientId = patientIdOf(document) ?? "";
    // Staged for this patient's record and not yet any document's: else nothing is written.
    if (patientId !== file.patientId) throw new Error("a staged file goes only with a document of the patient it was staged for");
    await claimStagedFile(tx, file);
    // The file carries its document's labels (document-files.ts): the same decision wherever it is reached.
    const security = document.meta?.security;
    await this.createIn(
      tx,
      {
        resourceType: "Binary",
        ...(security && security.length > 0 ? { meta: { security } } : {}),
        contentType: file.contentType,
        securityContext: { reference: documentReferenceOf(documentId) },
      },
      file.id,
      { facts: { patientId, id: documentId }, fileOf: documentId },
    );
    // What must commit with the document (its notification): never without it, nor twice.
    await options.alsoInTransaction?.(inPrisma(tx), document);
    return document;
  }

  /**
   * Sets a resource's meta.security (its confidentiality level), which update() keeps from the
   * stored version. A privacy choice of the patient: allowed to whoever may change the patient's
   * privacy rules (the patient, a guardian, a delegate with privacy:manage) and can read the resource.
   */
  async setSecurityLabels<T extends Resource>(type: T["resourceType"], id: string, labels: Coding[], options: { ifMatch?: string } = {}): Promise<T> {
    refuseFileWrite(this.actor, type);
    return this.withDenials(() => this.writeTransaction("update", async (tx) => {
      const q = inPrisma(tx);
      const stored = await this.guard(q, type, id, "read", "update", true);
      const privacy = await this.decideOn("update", { resourceType: "Consent", patientId: stored.patient_id ?? undefined, confidentiality: "N", labels: [] }, q);
      if (!privacy.allow) {
        throw new Denied({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "update", outcome: "denied", reason: privacy.reason }, forbidden());
      }
      checkVersion(stored, options.ifMatch);
      const now = this.now();
      const versionId = stored.version_id + 1;
      const meta = { versionId: String(versionId), lastUpdated: now.toISOString(), ...(labels.length > 0 ? { security: labels } : {}), ...writtenBy(this.actor, type, this.ctx.agentName) };
      const resource = { ...stored.content, meta } as T;
      validateForWrite(resource);
      const facts = await factsForWrite(q, resource);
      await writeVersion(tx, resource, facts, versionId, now, undefined, false);
      if (resource.resourceType === "DocumentReference") await relabelFilesOf(tx, resource, labels, now);
      const codes = labels.map((label) => label.code ?? "").join(",");
      await this.audit({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "update", outcome: "success", detail: { security: codes } }, q);
      await tellPatientOfChoiceMadeForHer(q, this.actor, stored.patient_id, now);
      return resource;
    }));
  }

  /** Replaces a resource. Checked against the stored version and the new one; `ifMatch` guards lost updates. */
  async update<T extends Resource>(input: T, options: { ifMatch?: string; indexText?: string } = {}): Promise<T> {
    refuseFileWrite(this.actor, input.resourceType);
    return this.withDenials(() => this.writeTransaction("update", (tx) => this.updateIn(tx, input, options)));
  }

  private async updateIn<T extends Resource>(tx: TransactionClient, input: T, options: { ifMatch?: string; indexText?: string } = {}): Promise<T> {
    const id = input.id ?? "";
    const q = inPrisma(tx);
    const stored = await this.guard(q, input.resourceType, id, "update", "update", true);
    checkVersion(stored, options.ifMatch);
    const now = this.now();
    const versionId = stored.version_id + 1;
    const resource = keepLinePosition(prepareForWrite(this.actor, input, { id, versionId, now, stored: stored.content, agentName: this.ctx.agentName }), stored.content);
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
    await this.refuseWrite(q, input, resource, stored.content, facts.patientId);
    await writeVersion(tx, resource, facts, versionId, now, options.indexText, false);
    await eraseWithdrawnText(q, stored.content, resource);
    await this.audit({ patientId: stored.patient_id, entity: `${input.resourceType}/${id}`, interaction: "update", outcome: "success" }, q);
    // After the audit row, as a new message takes the conversation's lock after its own (withdrawn-message-news.ts).
    await untellWithdrawnMessage(q, stored.content, resource);
    if (resource.resourceType === "Consent") await tellPatientOfChoiceMadeForHer(q, this.actor, stored.patient_id, now);
    this.forgetAfterWrite(resource);
    return resource as T;
  }

  /**
   * Deletes as a tombstone: the row stays, marked deleted, and a last version records it; a
   * document's files go with it, their bytes erased (document-files.ts). After that only the
   * patient sees that it existed (read-repository.ts, history); for everyone else it is gone.
   */
  async delete(type: string, id: string, options: { ifMatch?: string } = {}): Promise<void> {
    refuseFileWrite(this.actor, type);
    await this.withDenials(() => this.writeTransaction("delete", async (tx) => {
      const q = inPrisma(tx);
      const stored = await this.guard(q, type, id, "delete", "delete", true);
      await this.refuseAgentWrite(q, "delete", undefined, stored.content, stored.patient_id ?? undefined);
      this.refuseMeasureWrite("delete", undefined, stored.content, stored.patient_id ?? undefined);
      checkVersion(stored, options.ifMatch);
      const now = this.now();
      const versionId = stored.version_id + 1;
      await writeTombstone(tx, stored, versionId, now);
      if (type === "DocumentReference") await eraseFilesOf(tx, id, now);
      await this.audit({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "delete", outcome: "success" }, q);
      if (type === "Consent") await tellPatientOfChoiceMadeForHer(q, this.actor, stored.patient_id, now);
      this.forgetAfterWrite(stored.content);
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
      this.writeTransaction("update", (tx) =>
        fn({
          tx,
          create: (resource) => this.createIn(tx, resource, randomUUID()),
          createDocument: (input, file, options = {}) => this.createDocumentIn(tx, input, file, options),
          update: (resource, options) => {
            refuseFileWrite(this.actor, resource.resourceType);
            return this.updateIn(tx, resource, options);
          },
          setStatus: (type, id, status, interaction) => this.setStatusIn(tx, type, id, status, interaction),
          audit: (entry) => this.audit(entry, inPrisma(tx)),
        }),
      ),
    );
  }

  /**
   * A transaction for one write of this actor: a caregiver's or guardian's starts by holding the
   * tie it acts under (holdAgentTie), so a withdrawal that has answered is never followed by
   * their write. `interaction`: what the trail says was refused, if the tie has ended.
   */
  private writeTransaction<T>(interaction: AuditInteraction, fn: (tx: TransactionClient) => Promise<T>): Promise<T> {
    return this.db.prisma.$transaction(async (tx) => {
      await this.holdAgentTie(inPrisma(tx), interaction);
      return fn(tx);
    });
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
    const { author: _author, onBehalfOf: _onBehalfOf, ...kept } = stored.content.meta ?? {};
    const resource = { ...stored.content, status, meta: { ...kept, versionId: String(versionId), lastUpdated: now.toISOString(), ...writtenBy(this.actor, type, this.ctx.agentName) } } as Resource;
    this.refuseStatusMove(stored.content, resource);
    this.refuseMessageChange(stored.content, resource);
    validateForWrite(resource);
    const facts = await factsForWrite(q, resource);
    await writeVersion(tx, resource, facts, versionId, now, undefined, false);
    await this.audit({ patientId: stored.patient_id, entity: `${type}/${id}`, interaction: "update", outcome: "success", detail: { status } }, q);
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
