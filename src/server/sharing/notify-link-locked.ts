import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { systemRepository } from "../fhir/repository";

/**
 * Tells the patient that a link was locked by wrong passcodes: a Communication in their space
 * (their messages), written by the system because the link holder may write nothing but
 * dispensations. Called once per link, by the request whose wrong passcode took the last try.
 */
export async function notifyLinkLocked(patientId: string, linkId: string, prescriptionId: string, now: Date): Promise<void> {
  const repo = await systemRepository("share-link-locked");
  const message: Communication = {
    resourceType: "Communication",
    status: "completed",
    subject: { reference: `Patient/${patientId}` },
    recipient: [{ reference: `Patient/${patientId}` }],
    sent: now.toISOString(),
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/communication-category", code: "alert" }], text: "Sécurité" }],
    identifier: [{ system: "https://espace-sante.example/fhir/sid/share-link", value: linkId }],
    payload: [
      {
        contentString:
          "Un lien de partage de votre ordonnance a été bloqué après trop de codes erronés. " +
          "Ce lien ne donne plus accès à l'ordonnance. Si c'était votre pharmacie, créez un nouveau lien depuis la page Ordonnances.",
      },
    ],
    note: [{ text: `prescription:${prescriptionId}` }],
  };
  await repo.create(message);
}
