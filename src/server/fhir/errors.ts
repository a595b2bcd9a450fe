import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";

/**
 * Failures the repository reports, each with its HTTP status and a FHIR OperationOutcome.
 * NotFound is also what a forbidden read answers: the same status and body as an id that does
 * not exist, so nobody learns what is there.
 */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: OperationOutcomeIssue["code"],
    message: string,
    readonly issues: OperationOutcomeIssue[] = [],
  ) {
    super(message);
  }

  toOperationOutcome(): OperationOutcome {
    return {
      resourceType: "OperationOutcome",
      issue: this.issues.length > 0 ? this.issues : [{ severity: "error", code: this.code, diagnostics: this.message }],
    };
  }
}

export const notFound = () => new FhirError(404, "not-found", "Ressource introuvable");
export const forbidden = (message = "Action non autorisée") => new FhirError(403, "forbidden", message);
export const preconditionFailed = () =>
  new FhirError(412, "conflict", "La ressource a été modifiée entre-temps : rechargez-la avant de la modifier.");
export const invalid = (message: string, issues: OperationOutcomeIssue[] = []) =>
  new FhirError(400, "invalid", message, issues);
export const unprocessable = (message: string, issues: OperationOutcomeIssue[] = []) =>
  new FhirError(422, "processing", message, issues);
export const tooLarge = (message: string) => new FhirError(413, "too-costly", message);
export const tooManyRequests = () => new FhirError(429, "throttled", "Trop de tentatives : réessayez plus tard.");
