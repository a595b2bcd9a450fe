import { domainOf } from "../access/facts";

/**
 * The search parameters the API accepts, per resource type, and the indexed column each one
 * reads. Only parameters whose column holds exactly what FHIR defines for them are listed (a
 * Condition's date column falls back to the onset, so Condition offers no `recorded-date`).
 * The parser refuses every other name, and the CapabilityStatement is written from this table.
 */
export type ParamKind = "token" | "reference" | "date" | "string" | "number" | "special";

/** Where a parameter lands in the SearchRequest. */
export type ParamTarget =
  | "patient"
  | "ids"
  | "category"
  | "code"
  | "status"
  | "author"
  | "date"
  | "lastUpdated"
  | "text"
  | "count"
  | "offset"
  | "sort"
  | "total"
  | "format"
  | "cursor";

export type ParamDefinition = {
  name: string;
  kind: ParamKind;
  target: ParamTarget;
  documentation: string;
  /** FHIR type used in the CapabilityStatement (special paging parameters are not listed). */
  listed: boolean;
};

const p = (name: string, kind: ParamKind, target: ParamTarget, documentation: string, listed = true): ParamDefinition => ({
  name,
  kind,
  target,
  documentation,
  listed,
});

const COMMON: ParamDefinition[] = [
  p("_id", "token", "ids", "Identifiants logiques (uuid), séparés par des virgules (100 au plus)."),
  p("_lastUpdated", "date", "lastUpdated", "Date de dernière modification, avec préfixe eq ne lt le gt ge sa eb ; jusqu'à 4 fois."),
  p("_count", "number", "count", "Résultats par page : 20 par défaut, 100 au plus (une valeur plus grande est ramenée à 100).", false),
  p("_offset", "number", "offset", "Position de la page (0 à 10 000), utilisée par les liens next/previous.", false),
  p("_sort", "special", "sort", "Tri, parmi une liste fermée (voir la documentation de la ressource).", false),
  p("_total", "special", "total", "accurate : le total exact ; none ou estimate : pas de total.", false),
  p("_format", "special", "format", "json, application/json ou application/fhir+json uniquement.", false),
];

/**
 * A patient's trail has no end, so its pages follow a cursor (the position of the last entry
 * shown) rather than an offset capped at 10,000: the `next` links carry it.
 */
const AUDIT_CURSOR = p("_cursor", "special", "cursor", "Reprise après une entrée du journal (donnée par le lien next) ; sans limite de profondeur.", false);

const PATIENT = p("patient", "reference", "patient", "Le patient (Patient/<uuid> ou <uuid>) ; par défaut, l'espace actif.");
const SUBJECT = p("subject", "reference", "patient", "Le patient sujet (Patient/<uuid> ou <uuid>).");
const category = (doc = "Catégorie (code), plusieurs séparés par des virgules.") => p("category", "token", "category", doc);
const status = (name = "status") => p(name, "token", "status", "Statut (code), plusieurs séparés par des virgules.");
const code = (name: string, doc: string) => p(name, "token", "code", doc);
const date = (name: string, doc: string) => p(name, "date", "date", `${doc} Préfixes eq ne lt le gt ge sa eb ; précision année, mois, jour ou instant (UTC si aucun fuseau) ; jusqu'à 4 fois.`);

const BY_TYPE: Record<string, ParamDefinition[]> = {
  DocumentReference: [
    PATIENT,
    SUBJECT,
    category("Catégorie du portail (lab, imaging, report, prescription, vaccination, personal)."),
    code("type", "Type de document (code LOINC)."),
    status(),
    date("date", "Date du document."),
    p("author", "reference", "author", "Auteur (Practitioner/<uuid> ou Patient/<uuid>)."),
    p("_content", "string", "text", "Mots cherchés dans le titre et le texte du fichier (200 caractères au plus)."),
  ],
  MedicationRequest: [PATIENT, SUBJECT, status(), code("code", "Médicament (code)."), date("authoredon", "Date de prescription."), p("requester", "reference", "author", "Prescripteur (Practitioner/<uuid>).")],
  MedicationDispense: [PATIENT, SUBJECT, status(), code("code", "Médicament (code)."), date("whenhandedover", "Date de délivrance.")],
  Immunization: [PATIENT, status(), code("vaccine-code", "Vaccin (code)."), date("date", "Date de vaccination.")],
  Condition: [PATIENT, SUBJECT, status("clinical-status"), category(), code("code", "Problème de santé (code).")],
  AllergyIntolerance: [PATIENT, status("clinical-status"), code("code", "Allergie (code).")],
  Observation: [PATIENT, SUBJECT, status(), category(), code("code", "Mesure (code).")],
  Procedure: [PATIENT, SUBJECT, status(), code("code", "Acte ou dépistage (code LOINC ou SNOMED CT)."), date("date", "Date de réalisation.")],
  Consent: [PATIENT, status(), category("Type de règle (authorise, block, hide, emergency, research, prevention)."), date("date", "Date de la règle.")],
  RelatedPerson: [PATIENT],
  Communication: [PATIENT, SUBJECT, status(), category(), date("sent", "Date d'envoi.")],
  QuestionnaireResponse: [PATIENT, SUBJECT, status(), date("authored", "Date de réponse.")],
  AuditEvent: [PATIENT, date("date", "Date de l'événement.")],
};

/** Sort keys per type: the API names the type's date parameter, the store sorts on its date column. */
export function sortsFor(type: string): Record<string, "date" | "-date" | "_lastUpdated" | "-_lastUpdated"> {
  const dateParam = (BY_TYPE[type] ?? []).find((param) => param.target === "date")?.name;
  const sorts: Record<string, "date" | "-date" | "_lastUpdated" | "-_lastUpdated"> = {
    _lastUpdated: "_lastUpdated",
    "-_lastUpdated": "-_lastUpdated",
  };
  if (dateParam) {
    sorts[dateParam] = "date";
    sorts[`-${dateParam}`] = "-date";
  }
  if (type === "AuditEvent") return dateParam ? { date: "date", "-date": "-date" } : {};
  return sorts;
}

export function parametersFor(type: string): ParamDefinition[] {
  const own = BY_TYPE[type] ?? [];
  if (type === "AuditEvent") return [...own, AUDIT_CURSOR, ...COMMON.filter((param) => ["_count", "_offset", "_sort", "_total", "_format"].includes(param.name))];
  return [...own, ...COMMON];
}

/** Whether searches of this type happen inside one patient's record. */
export function isCompartmentType(type: string): boolean {
  const domain = domainOf(type);
  return domain !== undefined && domain !== "directory";
}

/** Parameters of GET [type]/[id]/_history. */
export const HISTORY_PARAMETERS: ParamDefinition[] = COMMON.filter((param) => ["_count", "_offset", "_format"].includes(param.name));
