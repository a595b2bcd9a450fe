/**
 * The demo personas: the fixed identities of issue 2, shared by the seed, the tests and the
 * README. Ids are fixed (readable UUIDs) so any test can name a persona's resources directly.
 * The TOTP secrets are public on purpose: they only exist in the demo data.
 */
export const DEMO_PASSWORD = "Sante-Demo-2026!";

export const PATIENT_IDS = {
  camille: "0a000000-0000-4000-8000-000000000001",
  jean: "0a000000-0000-4000-8000-000000000002",
  leo: "0a000000-0000-4000-8000-000000000003",
  nadia: "0a000000-0000-4000-8000-000000000004",
} as const;

export const PRACTITIONER_IDS = {
  bernard: "0b000000-0000-4000-8000-000000000001",
  petit: "0b000000-0000-4000-8000-000000000002",
  moreau: "0b000000-0000-4000-8000-000000000003",
  // Authors of the demo documents who have no account.
  lefevre: "0b000000-0000-4000-8000-000000000004",
  dubois: "0b000000-0000-4000-8000-000000000005",
  roux: "0b000000-0000-4000-8000-000000000006",
  garnier: "0b000000-0000-4000-8000-000000000007",
  faure: "0b000000-0000-4000-8000-000000000008",
  girard: "0b000000-0000-4000-8000-000000000009",
} as const;

export const PRACTITIONER_ROLE_IDS = {
  bernard: "0b000000-0000-4000-8000-000000000101",
  petit: "0b000000-0000-4000-8000-000000000102",
  moreau: "0b000000-0000-4000-8000-000000000103",
  lefevre: "0b000000-0000-4000-8000-000000000104",
  dubois: "0b000000-0000-4000-8000-000000000105",
  roux: "0b000000-0000-4000-8000-000000000106",
  garnier: "0b000000-0000-4000-8000-000000000107",
  faure: "0b000000-0000-4000-8000-000000000108",
  girard: "0b000000-0000-4000-8000-000000000109",
} as const;

export const ORGANIZATION_IDS = {
  pharmacy: "0c000000-0000-4000-8000-000000000001",
  hospital: "0c000000-0000-4000-8000-000000000002",
  lab: "0c000000-0000-4000-8000-000000000003",
  imaging: "0c000000-0000-4000-8000-000000000004",
  bernardPractice: "0c000000-0000-4000-8000-000000000005",
  cardiology: "0c000000-0000-4000-8000-000000000006",
  guillotiere: "0c000000-0000-4000-8000-000000000007",
} as const;

/** Pharmacie du Centre, the pharmacy that receives prescription links. */
export const PHARMACY_ID = ORGANIZATION_IDS.pharmacy;

export const ACCOUNT_IDS = {
  camille: "0d000000-0000-4000-8000-000000000001",
  jean: "0d000000-0000-4000-8000-000000000002",
  nadia: "0d000000-0000-4000-8000-000000000004",
  bernard: "0d000000-0000-4000-8000-000000000101",
  petit: "0d000000-0000-4000-8000-000000000102",
  moreau: "0d000000-0000-4000-8000-000000000103",
} as const;

export type AccountPersona = keyof typeof ACCOUNT_IDS;

export const EMAILS: Record<AccountPersona, string> = {
  camille: "camille.martin@example.org",
  jean: "jean.martin@example.org",
  nadia: "nadia.benali@example.org",
  bernard: "sophie.bernard@example.org",
  petit: "marc.petit@example.org",
  moreau: "ines.moreau@example.org",
};

/** Base32, RFC 6238 (SHA-1, 6 digits, 30 s). */
export const TOTP_SECRETS: Record<AccountPersona, string> = {
  camille: "CAMILLEDEMOTOTPA",
  jean: "JEANDEMOTOTPSECR",
  nadia: "NADIADEMOTOTPSEC",
  bernard: "SOPHIEDEMOTOTPSE",
  petit: "MARCDEMOTOTPSECR",
  moreau: "INESDEMOTOTPSECR",
};

/** The patients' rules (Consent) and delegations (RelatedPerson). */
export const CONSENT_IDS = {
  camilleAuthorisesBernard: "0e000000-0000-4000-8000-000000000001",
  jeanAuthorisesBernard: "0e000000-0000-4000-8000-000000000002",
  camilleBlocksPetit: "0e000000-0000-4000-8000-000000000003",
  camilleHidesDocument: "0e000000-0000-4000-8000-000000000004",
  jeanEmergencyOn: "0e000000-0000-4000-8000-000000000005",
  nadiaRefusesResearch: "0e000000-0000-4000-8000-000000000006",
} as const;

export const RELATED_PERSON_IDS = {
  /** Camille, caregiver of Jean: documents:read, prescriptions:read, prescriptions:share, messages:write. */
  camilleForJean: "0f000000-0000-4000-8000-000000000001",
  /** Camille, legal guardian of Léo: every scope. */
  camilleForLeo: "0f000000-0000-4000-8000-000000000002",
} as const;

/** Documents the tests name: the one Camille hid from professionals, the one at restricted (R). */
export const DOCUMENT_IDS = {
  camilleHidden: "10000000-0000-4000-8000-000000000001",
  camilleRestricted: "10000000-0000-4000-8000-000000000002",
} as const;

/**
 * Prescriptions (MedicationRequest.groupIdentifier values, system SYSTEMS.prescription), one per
 * state the pages show. "active" ones have not been dispensed at all.
 */
export const PRESCRIPTION_IDS = {
  camilleActive: "11000000-0000-4000-8000-000000000001",
  camillePartlyDispensed: "11000000-0000-4000-8000-000000000002",
  camilleDispensed: "11000000-0000-4000-8000-000000000003",
  camilleExpired: "11000000-0000-4000-8000-000000000004",
  jeanActive: "11000000-0000-4000-8000-000000000011",
  jeanPartlyDispensed: "11000000-0000-4000-8000-000000000012",
  jeanDispensed: "11000000-0000-4000-8000-000000000013",
  jeanExpired: "11000000-0000-4000-8000-000000000014",
  leoDispensed: "11000000-0000-4000-8000-000000000021",
  nadiaActive: "11000000-0000-4000-8000-000000000031",
  nadiaDispensed: "11000000-0000-4000-8000-000000000032",
} as const;

export type PatientPersona = keyof typeof PATIENT_IDS;

export type PatientIdentity = {
  id: string;
  given: string;
  family: string;
  gender: "female" | "male";
  birthDate: string;
  accountId?: string;
  /** INS (French national health identifier), demo values. */
  ins: string;
};

export const PATIENTS: Record<PatientPersona, PatientIdentity> = {
  camille: { id: PATIENT_IDS.camille, given: "Camille", family: "Martin", gender: "female", birthDate: "1985-03-14", accountId: ACCOUNT_IDS.camille, ins: "285036938200142" },
  jean: { id: PATIENT_IDS.jean, given: "Jean", family: "Martin", gender: "male", birthDate: "1950-06-02", accountId: ACCOUNT_IDS.jean, ins: "150066938200278" },
  leo: { id: PATIENT_IDS.leo, given: "Léo", family: "Martin", gender: "male", birthDate: "2016-09-10", ins: "116096938201533" },
  nadia: { id: PATIENT_IDS.nadia, given: "Nadia", family: "Benali", gender: "female", birthDate: "1992-11-25", accountId: ACCOUNT_IDS.nadia, ins: "292119938200355" },
};

export type PractitionerPersona = keyof typeof PRACTITIONER_IDS;

export type PractitionerIdentity = {
  id: string;
  roleId: string;
  given: string;
  family: string;
  gender: "female" | "male";
  rpps: string;
  /** SNOMED CT specialty and its French label. */
  specialty: { code: string; display: string; label: string };
  organizationId: string;
  accountId?: string;
};

const specialty = {
  gp: { code: "394814009", display: "General practice", label: "médecin généraliste" },
  cardiology: { code: "394579002", display: "Cardiology", label: "cardiologue" },
  emergency: { code: "773568002", display: "Emergency medicine", label: "médecin urgentiste" },
  radiology: { code: "394914008", display: "Radiology", label: "radiologue" },
  biology: { code: "394596001", display: "Chemical pathology", label: "biologiste médical" },
  pneumology: { code: "418112009", display: "Pulmonary medicine", label: "pneumologue" },
  paediatrics: { code: "394537008", display: "Paediatric specialty", label: "pédiatre" },
  psychiatry: { code: "394587001", display: "Psychiatry", label: "psychiatre" },
};

export const PRACTITIONERS: Record<PractitionerPersona, PractitionerIdentity> = {
  bernard: { id: PRACTITIONER_IDS.bernard, roleId: PRACTITIONER_ROLE_IDS.bernard, given: "Sophie", family: "Bernard", gender: "female", rpps: "10101234561", specialty: specialty.gp, organizationId: ORGANIZATION_IDS.bernardPractice, accountId: ACCOUNT_IDS.bernard },
  petit: { id: PRACTITIONER_IDS.petit, roleId: PRACTITIONER_ROLE_IDS.petit, given: "Marc", family: "Petit", gender: "male", rpps: "10101234562", specialty: specialty.cardiology, organizationId: ORGANIZATION_IDS.cardiology, accountId: ACCOUNT_IDS.petit },
  moreau: { id: PRACTITIONER_IDS.moreau, roleId: PRACTITIONER_ROLE_IDS.moreau, given: "Inès", family: "Moreau", gender: "female", rpps: "10101234563", specialty: specialty.emergency, organizationId: ORGANIZATION_IDS.hospital, accountId: ACCOUNT_IDS.moreau },
  lefevre: { id: PRACTITIONER_IDS.lefevre, roleId: PRACTITIONER_ROLE_IDS.lefevre, given: "Antoine", family: "Lefèvre", gender: "male", rpps: "10101234564", specialty: specialty.radiology, organizationId: ORGANIZATION_IDS.imaging },
  dubois: { id: PRACTITIONER_IDS.dubois, roleId: PRACTITIONER_ROLE_IDS.dubois, given: "Claire", family: "Dubois", gender: "female", rpps: "10101234565", specialty: specialty.biology, organizationId: ORGANIZATION_IDS.lab },
  roux: { id: PRACTITIONER_IDS.roux, roleId: PRACTITIONER_ROLE_IDS.roux, given: "Hélène", family: "Roux", gender: "female", rpps: "10101234566", specialty: specialty.pneumology, organizationId: ORGANIZATION_IDS.hospital },
  garnier: { id: PRACTITIONER_IDS.garnier, roleId: PRACTITIONER_ROLE_IDS.garnier, given: "Paul", family: "Garnier", gender: "male", rpps: "10101234567", specialty: specialty.paediatrics, organizationId: ORGANIZATION_IDS.hospital },
  faure: { id: PRACTITIONER_IDS.faure, roleId: PRACTITIONER_ROLE_IDS.faure, given: "Julien", family: "Faure", gender: "male", rpps: "10101234568", specialty: specialty.psychiatry, organizationId: ORGANIZATION_IDS.hospital },
  girard: { id: PRACTITIONER_IDS.girard, roleId: PRACTITIONER_ROLE_IDS.girard, given: "Lucas", family: "Girard", gender: "male", rpps: "10101234569", specialty: specialty.gp, organizationId: ORGANIZATION_IDS.guillotiere },
};

export type OrganizationPersona = keyof typeof ORGANIZATION_IDS;

export type OrganizationIdentity = {
  id: string;
  name: string;
  /** HL7 organization-type code: prov (healthcare provider), dept… */
  type: "prov" | "dept" | "other";
  typeLabel: string;
  address: { line: string; postalCode: string; city: string };
  phone: string;
  finess: string;
};

export const ORGANIZATIONS: Record<OrganizationPersona, OrganizationIdentity> = {
  pharmacy: { id: ORGANIZATION_IDS.pharmacy, name: "Pharmacie du Centre", type: "prov", typeLabel: "Pharmacie d'officine", address: { line: "8 place Bellecour", postalCode: "69002", city: "Lyon" }, phone: "04 78 37 12 34", finess: "690012345" },
  hospital: { id: ORGANIZATION_IDS.hospital, name: "Centre hospitalier Lyon-Sud", type: "prov", typeLabel: "Centre hospitalier", address: { line: "165 chemin du Grand Revoyet", postalCode: "69310", city: "Pierre-Bénite" }, phone: "04 78 86 10 00", finess: "690023456" },
  lab: { id: ORGANIZATION_IDS.lab, name: "Laboratoire de biologie médicale BioLyon", type: "prov", typeLabel: "Laboratoire de biologie médicale", address: { line: "24 rue de la République", postalCode: "69002", city: "Lyon" }, phone: "04 72 40 25 25", finess: "690034567" },
  imaging: { id: ORGANIZATION_IDS.imaging, name: "Centre d'imagerie médicale Bellecour", type: "prov", typeLabel: "Cabinet de radiologie", address: { line: "3 rue Victor Hugo", postalCode: "69002", city: "Lyon" }, phone: "04 78 42 61 61", finess: "690045678" },
  bernardPractice: { id: ORGANIZATION_IDS.bernardPractice, name: "Cabinet médical des Terreaux", type: "prov", typeLabel: "Cabinet de médecine générale", address: { line: "15 rue d'Algérie", postalCode: "69001", city: "Lyon" }, phone: "04 78 28 45 90", finess: "690056789" },
  cardiology: { id: ORGANIZATION_IDS.cardiology, name: "Cabinet de cardiologie Saxe", type: "prov", typeLabel: "Cabinet de cardiologie", address: { line: "102 avenue Maréchal de Saxe", postalCode: "69003", city: "Lyon" }, phone: "04 78 60 33 21", finess: "690067890" },
  guillotiere: { id: ORGANIZATION_IDS.guillotiere, name: "Maison de santé de la Guillotière", type: "prov", typeLabel: "Maison de santé pluriprofessionnelle", address: { line: "40 cours Gambetta", postalCode: "69007", city: "Lyon" }, phone: "04 78 72 18 18", finess: "690078901" },
};

export type AccountPersonaInfo = {
  accountId: string;
  email: string;
  totpSecret: string;
  kind: "patient" | "practitioner";
  fhirRef: string;
  displayName: string;
};

/** The six personas who sign in, in the shape an account store wants. */
export const ACCOUNTS: Record<AccountPersona, AccountPersonaInfo> = {
  camille: { accountId: ACCOUNT_IDS.camille, email: EMAILS.camille, totpSecret: TOTP_SECRETS.camille, kind: "patient", fhirRef: `Patient/${PATIENT_IDS.camille}`, displayName: "Camille Martin" },
  jean: { accountId: ACCOUNT_IDS.jean, email: EMAILS.jean, totpSecret: TOTP_SECRETS.jean, kind: "patient", fhirRef: `Patient/${PATIENT_IDS.jean}`, displayName: "Jean Martin" },
  nadia: { accountId: ACCOUNT_IDS.nadia, email: EMAILS.nadia, totpSecret: TOTP_SECRETS.nadia, kind: "patient", fhirRef: `Patient/${PATIENT_IDS.nadia}`, displayName: "Nadia Benali" },
  bernard: { accountId: ACCOUNT_IDS.bernard, email: EMAILS.bernard, totpSecret: TOTP_SECRETS.bernard, kind: "practitioner", fhirRef: `Practitioner/${PRACTITIONER_IDS.bernard}`, displayName: "Dr Sophie Bernard" },
  petit: { accountId: ACCOUNT_IDS.petit, email: EMAILS.petit, totpSecret: TOTP_SECRETS.petit, kind: "practitioner", fhirRef: `Practitioner/${PRACTITIONER_IDS.petit}`, displayName: "Dr Marc Petit" },
  moreau: { accountId: ACCOUNT_IDS.moreau, email: EMAILS.moreau, totpSecret: TOTP_SECRETS.moreau, kind: "practitioner", fhirRef: `Practitioner/${PRACTITIONER_IDS.moreau}`, displayName: "Dr Inès Moreau" },
};

export const fullName = (person: { given: string; family: string }) => `${person.given} ${person.family}`;
export const doctorName = (person: { given: string; family: string }) => `Dr ${person.given} ${person.family}`;
