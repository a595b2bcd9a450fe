import "@/server/server-only";
import type { Patient, Resource } from "@medplum/fhirtypes";
import { randomUUID } from "node:crypto";
import type { Actor } from "../access/actor";
import { agentWriteRefusal } from "../access/agent-writes";
import { documentClaimRefused } from "../access/document-claims";
import { ownPlaces } from "../access/live-roles";
import { widensDelegation } from "../access/delegation-widening";
import { measureWriteRefused } from "../access/measure-writes";
import { identityChangeRefusal } from "../access/identity-changes";
import { messageChangeRefusal } from "../access/message-changes";
import { statusMoveRefused } from "../access/status-moves";
import { isAfterToday, parisDay } from "../prevention/days";
import type { Queryable } from "../db/queryable";
import { SYSTEMS } from "@/lib/fhir/systems";
import { DOCUMENT_TITLE_MAX, isDocumentTitle } from "@/lib/documents/document-title";
import { patientIdOf } from "./columns";
import { checkNamedProfessional } from "./prepare-write";
import { rolesOfPractitioner } from "./practitioner-roles";
import { labelsChanged } from "./stated-labels";
import { patientRowReadWith } from "./load-rules";
import { Denied } from "./denied";
import { FhirError, forbidden, unprocessable } from "./errors";
import { isUuid } from "./ids";
import { ReadRepository } from "./read-repository";

/**
 * A file is written only with its document (createDocument), relabelled and deleted only with
 * it: a Binary written on its own could name any document as its owner, or leave a document
 * pointing at nothing. Refused before anything is read, so the answer says nothing of what exists.
 */
export function refuseFileWrite(actor: Actor, type: string): void {
  if (type === "Binary" && actor.kind !== "system") {
    throw unprocessable("Un fichier s'ajoute, change et se supprime avec son document.", [
      { severity: "error", code: "business-rule", diagnostics: "Binary écrit hors de son document", expression: ["Binary"] },
    ]);
  }
}

/**
 * The checks every write passes besides decide(), each refusing a class of attack whatever the
 * door (the API, a page, a use case): files written only with their document, ids given by the
 * server, someone acting for a patient touching their own rights, a delegation given without
 * its pause, a final status left, a sent message edited, a patient's identity rewritten, a
 * document dated after today; and the level a new document takes by default. The writes
 * themselves are repository.ts's.
 */
export class WriteGuards extends ReadRepository {
  /** The server gives ids; only the system (the seed's fixed demo identities) may choose one. */
  protected newIdFor(requested: string | undefined): string {
    return this.actor.kind === "system" && requested && isUuid(requested) ? requested.toLowerCase() : randomUUID();
  }

  /**
   * A new document without a confidentiality of its own takes the level the patient chose for
   * new documents (Consent "default-level"), whoever adds it.
   */
  protected async withDefaultLevel<T extends Resource>(resource: T, q: Queryable): Promise<T> {
    if (resource.resourceType !== "DocumentReference") return resource;
    const labelled = (resource.meta?.security ?? []).some((label) => label.system === SYSTEMS.confidentiality);
    const patientId = patientIdOf(resource);
    // A malformed patient reference is refused by the decision that follows, not here.
    if (labelled || !patientId || !isUuid(patientId)) return resource;
    if ((await this.rules(patientId, q)).defaultConfidentiality !== "R") return resource;
    return { ...resource, meta: { ...resource.meta, security: [...(resource.meta?.security ?? []), { system: SYSTEMS.confidentiality, code: "R" }] } };
  }

  /**
   * Every check of a created (`stored` undefined) or replaced resource after decide(), in the
   * order their refusals are told: the first that refuses is the one the trail and the answer
   * give. `input`: what the request sent (a claim or a label change is read from it), `next`:
   * the resource about to be written.
   */
  protected async refuseWrite(q: Queryable, input: Resource, next: Resource, stored: Resource | undefined, patientId: string | undefined): Promise<void> {
    const interaction = stored ? "update" : "create";
    await this.refuseAgentWrite(q, interaction, next, stored, patientId);
    this.refuseMeasureWrite(interaction, next, stored, patientId);
    await this.refuseDocumentClaim(q, interaction, input, stored, patientId);
    if (stored) this.refuseLabelChange(input, stored);
    await this.refuseDelegationGrant(q, interaction, next, stored, patientId);
    if (stored) {
      this.refuseStatusMove(stored, next);
      this.refuseMessageChange(stored, next);
      this.refuseIdentityChange(stored, next);
    }
    checkNamedProfessional(this.actor, next, stored);
    this.refuseFutureDocumentDate(next, stored);
    this.refuseUnreadableDocumentTitle(next, stored);
  }

  /**
   * After decide(): someone acting for the patient never writes what touches their own rights
   * (agent-writes.ts). The actor may see the resource, so the refusal is a 403.
   */
  protected async refuseAgentWrite(q: Queryable, interaction: "create" | "update" | "delete", next: Resource | undefined, stored: Resource | undefined, patientId: string | undefined): Promise<void> {
    if (!patientId || (this.actor.kind !== "guardian" && this.actor.kind !== "delegate")) return;
    const reason = agentWriteRefusal(this.actor, await this.rules(patientId, q), next, stored, this.now());
    if (!reason) return;
    const resource = next ?? stored;
    const entity = `${resource?.resourceType}/${resource?.id}`;
    throw new Denied({ patientId, entity, interaction, outcome: "denied", reason }, forbidden());
  }

  /**
   * No request gives a caregiver more (a new delegation, more rights, a later end, a pause cut
   * short), whatever its door: the FHIR API or a page. Only the use cases of
   * src/server/delegations do, as the system and always after the 24-hour pause with the patient
   * told and a cancel link (issue 13). Refusing here rather than starting API writes paused keeps
   * one path: a paused RelatedPerson written by a client would skip the invitee's acceptance, the
   * e-mails and the cancel link. Narrowing and revoking stay immediate.
   */
  protected async refuseDelegationGrant(q: Queryable, interaction: "create" | "update", next: Resource, stored: Resource | undefined, patientId: string | undefined): Promise<void> {
    if (this.actor.kind === "system" || !patientId || next.resourceType !== "RelatedPerson") return;
    // Read with the patient's birth date, as decide() reads a delegation (delegation-widening.ts says why).
    const patient = patientRowReadWith(await this.rules(patientId, q))?.content as Patient | undefined;
    if (!widensDelegation(patientId, next, stored, this.now(), { birthDate: patient?.birthDate })) return;
    const message =
      "Une délégation se donne ou s'élargit depuis « Proches et délégations » (/espace/proches) : par une invitation, active 24 heures après son acceptation sauf confirmation. Réduire ou retirer des droits reste possible ici.";
    throw new Denied(
      { patientId, entity: `RelatedPerson/${next.id}`, interaction, outcome: "denied", reason: "delegation-pause" },
      unprocessable(message, [{ severity: "error", code: "business-rule", diagnostics: message, expression: ["RelatedPerson"] }]),
    );
  }

  /**
   * A judge's protection measure is written by the assistance's command only (measure-writes.ts):
   * no request creates, changes, ends or deletes one, nor marks another tie as one. Checked after
   * decide(): a patient sees her own RelatedPersons, so the refusal is a 403 in her trail.
   */
  protected refuseMeasureWrite(interaction: "create" | "update" | "delete", next: Resource | undefined, stored: Resource | undefined, patientId: string | undefined): void {
    if (!measureWriteRefused(this.actor, next, stored)) return;
    const resource = next ?? stored;
    const message = "Une mesure de protection (tutelle, habilitation familiale) est enregistrée par l'assistance du service sur décision du juge : elle ne se crée, ne se modifie et ne se retire pas ici.";
    throw new Denied(
      { patientId: patientId ?? null, entity: `${resource?.resourceType}/${resource?.id}`, interaction, outcome: "denied", reason: "protection-measure" },
      forbidden(message),
    );
  }

  /** A final status (a fully dispensed line…) is never left, except by the system (status-moves.ts). */
  protected refuseStatusMove(stored: Resource, next: Resource): void {
    if (this.actor.kind === "system") return;
    const statusOf = (resource: Resource) => ("status" in resource && typeof resource.status === "string" ? resource.status : undefined);
    if (!statusMoveRefused(stored.resourceType, statusOf(stored), statusOf(next))) return;
    throw new Denied(
      { patientId: patientIdOf(stored), entity: `${stored.resourceType}/${stored.id}`, interaction: "update", outcome: "denied", reason: "final-status" },
      forbidden(),
    );
  }

  /**
   * A document is not dated after today (a day in Paris), as nothing else of the record that
   * already happened is (prevention/days.ts): it would head the patient's list above every real
   * one. A date the document already had is kept as it is, so a document stored before this rule
   * can still be renamed or hidden. The system (the seed, the jobs) writes dates as they are.
   */
  protected refuseFutureDocumentDate(next: Resource, stored: Resource | undefined): void {
    if (this.actor.kind === "system" || next.resourceType !== "DocumentReference") return;
    const day = parisDay(next.date);
    const kept = stored?.resourceType === "DocumentReference" ? parisDay(stored.date) : undefined;
    if (!day || day === kept || !isAfterToday(day, this.now())) return;
    const message = "La date du document ne peut pas être dans le futur.";
    throw unprocessable(message, [{ severity: "error", code: "business-rule", diagnostics: message, expression: ["DocumentReference.date"] }]);
  }

  /**
   * A document's title (its description, its file's title) written through any door is one line
   * of the upload form's length (document-title.ts). Only a title that changes is checked: one
   * stored before, kept as it is, does not stop another change of the document.
   */
  protected refuseUnreadableDocumentTitle(next: Resource, stored: Resource | undefined): void {
    if (this.actor.kind === "system" || next.resourceType !== "DocumentReference") return;
    const before = stored?.resourceType === "DocumentReference" ? stored : undefined;
    const titles: [string | undefined, string | undefined, string][] = [
      [next.description, before?.description, "DocumentReference.description"],
      ...(next.content ?? []).map((part, index): [string | undefined, string | undefined, string] => [part.attachment?.title, before?.content?.[index]?.attachment?.title, `DocumentReference.content[${index}].attachment.title`]),
    ];
    const refused = titles.find(([title, kept]) => title !== undefined && title !== kept && !isDocumentTitle(title));
    if (!refused) return;
    const message = `Le titre d'un document tient sur une ligne de ${DOCUMENT_TITLE_MAX} caractères au plus.`;
    throw unprocessable(message, [{ severity: "error", code: "business-rule", diagnostics: message, expression: [refused[2]] }]);
  }

  /**
   * A document written by a patient, or for her, names no one else as its author, custodian or
   * authenticator; one written by a professional names only the establishments they practise at
   * today and themself (document-claims.ts). `input` is the body as sent. The writer may see the
   * document, so the refusal is a 403 that says which element, in the patient's trail.
   */
  protected async refuseDocumentClaim(q: Queryable, interaction: "create" | "update", input: Resource, stored: Resource | undefined, patientId: string | undefined): Promise<void> {
    if (input.resourceType !== "DocumentReference") return;
    let element = documentClaimRefused(this.actor, input, stored);
    // A professional's roles are read only when her document names a custodian or an authenticator
    // it did not already name: most of her writes name none, or keep what was stored.
    if (element && element !== "author" && this.actor.kind === "practitioner") {
      const own = ownPlaces(this.actor.practitionerId, await rolesOfPractitioner(q, this.actor.practitionerId), this.now());
      element = documentClaimRefused(this.actor, input, stored, own);
    }
    if (!element) return;
    const message =
      this.actor.kind === "practitioner"
        ? `Un document ne nomme comme établissement (custodian) que celui où vous exercez, et comme garant (authenticator) ou auteur que vous-même : DocumentReference.${element} refusé.`
        : `Un document ajouté depuis l'espace patient ne nomme ni établissement (custodian), ni garant (authenticator), ni autre auteur que la personne qui l'ajoute : DocumentReference.${element} refusé.`;
    throw new Denied(
      { patientId: patientId ?? null, entity: `DocumentReference/${input.id}`, interaction, outcome: "denied", reason: "document-claim" },
      new FhirError(403, "forbidden", message, [{ severity: "error", code: "forbidden", diagnostics: message, expression: [`DocumentReference.${element}`] }]),
    );
  }

  /**
   * An update keeps the stored security labels: they change only through their own door
   * (setSecurityLabels, the document's « Niveau de confidentialité »), which asks for the right
   * to change the patient's privacy choices. A body stating other labels was answered 200 with
   * them silently dropped, and its client believed them applied: it is refused, with nothing
   * written. A body without meta.security keeps the stored ones (stated-labels.ts).
   */
  protected refuseLabelChange(input: Resource, stored: Resource): void {
    if (!labelsChanged(input, stored)) return;
    const message =
      "Les étiquettes de sécurité (meta.security) ne changent pas par une mise à jour : reprenez celles de la version enregistrée. Le niveau de confidentialité d'un document se règle depuis sa page dans l'espace santé.";
    throw unprocessable(message, [{ severity: "error", code: "business-rule", diagnostics: message, expression: [`${input.resourceType}.meta.security`] }]);
  }

  /** A patient's identity (INS, names, birth date, sex, active) is the record system's (identity-changes.ts). */
  protected refuseIdentityChange(stored: Resource, next: Resource): void {
    if (stored.resourceType !== "Patient" || next.resourceType !== "Patient") return;
    const reason = identityChangeRefusal(this.actor, stored as Patient, next as Patient);
    if (!reason) return;
    throw new Denied({ patientId: stored.id ?? null, entity: `Patient/${stored.id}`, interaction: "update", outcome: "denied", reason }, forbidden("L'identité d'un patient (INS, noms, date de naissance, sexe) ne se modifie pas ici."));
  }

  /** A message is never edited: only its read receipt, or its withdrawal by its sender (message-changes.ts). */
  protected refuseMessageChange(stored: Resource, next: Resource): void {
    if (stored.resourceType !== "Communication" || next.resourceType !== "Communication") return;
    const reason = messageChangeRefusal(this.actor, stored, next, this.now());
    if (!reason) return;
    const message = reason === "withdraw-late" ? "Un message ne peut plus être retiré après cinq minutes." : "Un message envoyé ne se modifie pas.";
    throw new Denied({ patientId: patientIdOf(stored), entity: `Communication/${stored.id}`, interaction: "update", outcome: "denied", reason }, forbidden(message));
  }
}
