import { aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { personWithAccount } from "../delegations/world";
import { signIn, warmUpValidator } from "../fhir-api/http";

/** The sealed cookie of an upload's typed fields (upload-typed.ts) a refusal set, as the browser sends it back. */
export const uploadTypedCookie = (answer: Response) => answer.headers.getSetCookie().find((cookie) => cookie.startsWith("espace-sante.ajout-saisie="))?.split(";")[0] ?? "";

/** Two patients with accounts, both of whom authorised one professional, signed in: a form typed for one must not fill the other's. */
export async function twoPatientsAndTheirDoctor(family: string, [first, second]: [string, string]) {
  warmUpValidator();
  const system = await systemRepository(`upload-typed-${family}`);
  const patient = await personWithAccount(system, first, family);
  const another = await personWithAccount(system, second, family);
  const doctorId = (await system.create(aPractitioner({ given: "Rose", family }))).id!;
  for (const one of [patient, another]) await system.create(anAuthorisation({ patientId: one.patientId, practitionerId: doctorId }));
  const doctor = await signIn(`Practitioner/${doctorId}`, { name: `Dr Rose ${family}` });
  return { patient, another, doctor };
}
