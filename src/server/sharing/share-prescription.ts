import "@/server/server-only";
import { hash } from "@node-rs/argon2";
import { randomUUID } from "node:crypto";
import { agentRef, spaceOf } from "../access/actor";
import { inPrisma } from "../db/queryable";
import { Denied } from "../fhir/denied";
import { forbidden, notFound, unprocessable } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { insertShareLink } from "../fhir/share-links";
import { lockSpaceOpen } from "../db/space-closure-store";
import { readPrescription } from "../prescriptions/read-prescriptions";
import { hashSecret, linkUrl, newLinkSecret, newPasscode } from "./link-secret";
import { mayManageLinks } from "./link-rights";
import { DAY_MS, LINK_POLICY } from "./link-policy";
import { qrSvgDataUrl } from "./link-qr";

/**
 * "Send to a pharmacy": a link to one prescription, shown once. The key and the passcode are
 * returned to the patient here and never again: the server keeps a SHA-256 of the key and an
 * argon2id hash of the passcode. The link ends at the date chosen (7 days by default), never
 * past the prescription's validity. Sharing is audited in the patient's trail, with who did
 * it when a caregiver acts for them.
 */
export type ShareInput = { prescriptionId: string; withPasscode: boolean; until?: Date };

export type SharedLink = {
  linkId: string;
  url: string;
  passcode?: string;
  expiresAt: Date;
  qrCode: string;
};

/** Same cost as passwords: a stolen table should not give six digits away cheaply. */
const PASSCODE_HASH = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function linkEnd(now: Date, validUntil: string | undefined, requested: Date | undefined): Date {
  const latest = now.getTime() + LINK_POLICY.maxDays * DAY_MS;
  const wanted = requested ? requested.getTime() : now.getTime() + LINK_POLICY.defaultDays * DAY_MS;
  const validity = validUntil ? new Date(validUntil).getTime() : latest;
  return new Date(Math.min(wanted, latest, validity));
}

export async function sharePrescription(repo: Repository, input: ShareInput, appUrl: string): Promise<SharedLink> {
  const patientId = spaceOf(repo.actor);
  const now = repo.now();
  if (!patientId || repo.actor.kind === "link") throw notFound();
  const found = await readPrescription(repo, patientId, input.prescriptionId, now);
  if (!found) throw notFound();
  const { prescription } = found;
  if (!(await mayManageLinks(repo, patientId))) {
    await repo.audit({ patientId, entity: "ShareLink", interaction: "share", outcome: "denied", reason: "scope-missing", detail: { prescription: prescription.id } });
    throw forbidden("Vous ne pouvez pas partager les ordonnances de cet espace.");
  }
  if (prescription.state !== "active") throw unprocessable("Cette ordonnance ne peut plus être délivrée : elle ne peut pas être partagée.");
  if (input.until && input.until.getTime() <= now.getTime()) throw unprocessable("La date de fin du lien doit être dans le futur.");

  const linkId = randomUUID();
  const secret = newLinkSecret();
  const passcode = input.withPasscode ? newPasscode() : undefined;
  const expiresAt = linkEnd(now, prescription.validUntil, input.until);
  const passcodeHash = passcode ? await hash(passcode, PASSCODE_HASH) : null;

  await repo.transaction(async (scope) => {
    // Asked again within the transaction, which holds a caregiver's tie and its rules as they are
    // now (agent-tie.ts): the right to share taken away while this post was on its way makes no link.
    if (!(await mayManageLinks(repo, patientId, inPrisma(scope.tx)))) {
      const entry = { patientId, entity: "ShareLink", interaction: "share", outcome: "denied", reason: "scope-missing", detail: { prescription: prescription.id } } as const;
      throw new Denied(entry, forbidden("Vous ne pouvez pas partager les ordonnances de cet espace."));
    }
    // A closure may have been written since this request's session was checked (her other tab):
    // a link is decided on its own row alone, and would open a closed space's prescription.
    if (!(await lockSpaceOpen(inPrisma(scope.tx), patientId))) throw notFound();
    await insertShareLink(scope.tx, {
      id: linkId,
      secretHash: hashSecret(secret),
      patientId,
      prescriptionId: prescription.id,
      passcodeHash,
      attemptsLeft: LINK_POLICY.attempts,
      expiresAt,
      createdAt: now,
      createdBy: agentRef(repo.actor),
    });
    await scope.audit({
      patientId,
      entity: `ShareLink/${linkId}`,
      interaction: "share",
      outcome: "success",
      detail: { prescription: prescription.id, expiresAt: expiresAt.toISOString(), passcode: passcode !== undefined },
    });
  });
  const url = linkUrl(appUrl, linkId, secret);
  return { linkId, url, passcode, expiresAt, qrCode: await qrSvgDataUrl(url) };
}
