import type { Address, Organization, Patient, Practitioner, PractitionerRole } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { newId } from "./ids";
import type { OrganizationIdentity, PatientIdentity, PractitionerIdentity } from "../../demo/personas";

/** Builders of the people and places of the record: patients, professionals, organisations. */

export const FINESS = "urn:oid:1.2.250.1.71.4.2.2";

export type PatientInput = Partial<Omit<PatientIdentity, "ins">> & { ins?: string; address?: Address[] };

export function aPatient(input: PatientInput = {}): Patient {
  const id = input.id ?? newId();
  const identifier: NonNullable<Patient["identifier"]> = [];
  if (input.ins) identifier.push({ use: "official", system: SYSTEMS.ins, value: input.ins });
  if (input.accountId) identifier.push({ system: SYSTEMS.account, value: input.accountId });
  return {
    resourceType: "Patient",
    id,
    active: true,
    identifier: identifier.length ? identifier : undefined,
    name: [{ use: "official", family: input.family ?? "Durand", given: [input.given ?? "Alex"] }],
    gender: input.gender ?? "female",
    birthDate: input.birthDate ?? "1990-01-01",
    address: input.address ?? [{ use: "home", line: ["5 rue Mercière"], postalCode: "69002", city: "Lyon", country: "FR" }],
    communication: [{ language: { coding: [{ system: "urn:ietf:bcp:47", code: "fr-FR" }], text: "Français" }, preferred: true }],
  };
}

export function patientFrom(identity: PatientIdentity, extra: Partial<Patient> = {}): Patient {
  return { ...aPatient(identity), ...extra };
}

export type PractitionerInput = Partial<Omit<PractitionerIdentity, "specialty" | "roleId" | "organizationId">>;

export function aPractitioner(input: PractitionerInput = {}): Practitioner {
  const identifier: NonNullable<Practitioner["identifier"]> = [
    { use: "official", system: SYSTEMS.rpps, value: input.rpps ?? `1010${Math.floor(1e6 + Math.random() * 9e6)}` },
  ];
  if (input.accountId) identifier.push({ system: SYSTEMS.account, value: input.accountId });
  return {
    resourceType: "Practitioner",
    id: input.id ?? newId(),
    active: true,
    identifier,
    name: [{ use: "official", prefix: ["Dr"], family: input.family ?? "Lambert", given: [input.given ?? "Alex"] }],
    gender: input.gender ?? "female",
  };
}

export function practitionerFrom(identity: PractitionerIdentity, organization: OrganizationIdentity): { practitioner: Practitioner; role: PractitionerRole } {
  const practitioner = aPractitioner(identity);
  const role = aPractitionerRole({
    id: identity.roleId,
    practitionerId: identity.id,
    organizationId: organization.id,
    specialty: identity.specialty,
    phone: organization.phone,
  });
  return { practitioner, role };
}

export function aPractitionerRole(input: {
  id?: string;
  practitionerId: string;
  organizationId?: string;
  specialty?: { code: string; display: string; label: string };
  phone?: string;
}): PractitionerRole {
  const specialty = input.specialty ?? { code: "394814009", display: "General practice", label: "médecin généraliste" };
  return {
    resourceType: "PractitionerRole",
    id: input.id ?? newId(),
    active: true,
    practitioner: { reference: `Practitioner/${input.practitionerId}` },
    organization: input.organizationId ? { reference: `Organization/${input.organizationId}` } : undefined,
    code: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/practitioner-role", code: "doctor", display: "Doctor" }], text: "Médecin" }],
    specialty: [{ coding: [{ system: "http://snomed.info/sct", code: specialty.code, display: specialty.display }], text: specialty.label }],
    telecom: input.phone ? [{ system: "phone", value: input.phone, use: "work" }] : undefined,
  };
}

export function anOrganization(input: Partial<OrganizationIdentity> = {}): Organization {
  const address = input.address ?? { line: "1 place de la Comédie", postalCode: "69001", city: "Lyon" };
  return {
    resourceType: "Organization",
    id: input.id ?? newId(),
    active: true,
    identifier: input.finess ? [{ system: FINESS, value: input.finess }] : undefined,
    type: [
      {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/organization-type", code: input.type ?? "prov" }],
        text: input.typeLabel ?? "Établissement de santé",
      },
    ],
    name: input.name ?? "Pharmacie des Tests",
    telecom: input.phone ? [{ system: "phone", value: input.phone, use: "work" }] : undefined,
    address: [{ use: "work", line: [address.line], postalCode: address.postalCode, city: address.city, country: "FR" }],
  };
}
