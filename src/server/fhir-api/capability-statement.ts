import type { CapabilityStatement, CapabilityStatementRestResource, CapabilityStatementRestResourceSearchParam } from "@medplum/fhirtypes";
import { API_TYPES, interactionsFor } from "./capabilities";
import { parametersFor, sortsFor, type ParamKind } from "./search-parameters";
import { MAX_BODY_BYTES, MAX_DEPTH } from "./read-json-body";

/**
 * What the server does, written from the same tables the router and the parser use
 * (capabilities.ts, search-parameters.ts): only the types, interactions and parameters that
 * are served. Public, like any FHIR server's `metadata`.
 */
const SEARCH_TYPES: Record<ParamKind, CapabilityStatementRestResourceSearchParam["type"]> = {
  token: "token",
  reference: "reference",
  date: "date",
  string: "string",
  number: "number",
  special: "special",
};

function resourceOf(type: string): CapabilityStatementRestResource {
  const interactions = interactionsFor(type);
  const searchable = interactions.includes("search-type");
  const sorts = Object.keys(sortsFor(type));
  const versioned = type !== "AuditEvent";
  return {
    // API_TYPES holds only FHIR resource type names (the keys of the access domains).
    type: type as CapabilityStatementRestResource["type"],
    interaction: interactions.map((code) => ({ code })),
    versioning: versioned ? "versioned-update" : "no-version",
    readHistory: versioned && interactions.includes("vread"),
    updateCreate: false,
    conditionalCreate: false,
    conditionalRead: "not-supported",
    conditionalUpdate: false,
    conditionalDelete: "not-supported",
    ...(searchable
      ? {
          searchParam: parametersFor(type)
            .filter((param) => param.listed)
            .map((param) => ({ name: param.name, type: SEARCH_TYPES[param.kind], documentation: param.documentation })),
          documentation: `Recherche stricte : tout autre paramètre, modificateur ou valeur mal formée répond 400. _sort : ${sorts.join(", ")}. _count : 20 par défaut, 100 au plus. _total=accurate donne le total.`,
        }
      : {}),
    ...(type === "Binary"
      ? {
          documentation:
            "Le fichier d'un document (DocumentReference.content.attachment.url), sous la même décision que son document et tracé comme un téléchargement : octets bruts pour Accept: */*, application/pdf ou le type du fichier ; ressource Binary (data en base64) pour Accept: application/fhir+json.",
        }
      : {}),
  };
}

/** Computed by the prevention engine from the record (issue 14): searched by patient, never stored. */
const IMMUNIZATION_RECOMMENDATION: CapabilityStatementRestResource = {
  type: "ImmunizationRecommendation",
  interaction: [{ code: "search-type" }],
  versioning: "no-version",
  readHistory: false,
  updateCreate: false,
  searchParam: [{ name: "patient", type: "reference", documentation: "Le patient (Patient/<uuid> ou <uuid>) ; par défaut, celui de l'espace de la session." }],
  documentation: "Calculée à chaque requête par le moteur de prévention (calendrier des vaccinations en vigueur) à partir de ce que l'appelant peut lire du dossier.",
};

export function capabilityStatement(base: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-01-01",
    publisher: "Espace santé",
    kind: "instance",
    software: { name: "Espace santé" },
    implementation: { description: "API FHIR R4 de l'espace santé", url: base },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        documentation: `Corps JSON de ${MAX_BODY_BYTES / 1024} Kio au plus, ${MAX_DEPTH} niveaux d'imbrication au plus. Mises à jour et suppressions : If-Match: W/"<versionId>" (412 si la version a changé).`,
        security: {
          cors: false,
          description:
            "Authentification par le cookie de session de l'espace santé (connexion en deux étapes). Chaque requête est décidée selon les règles du patient et tracée dans son journal d'accès ; ce qui n'est pas accessible répond 404.",
        },
        resource: [...API_TYPES.map(resourceOf), IMMUNIZATION_RECOMMENDATION],
      },
    ],
  };
}
