import { env } from "../env";

/** The API's public base, from configuration (never from the request's Host header). */
export function fhirBase(): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/api/fhir/R4`;
}
