/** What an API answers without a valid session (none, revoked, timed out…): always the same. */
export function unauthorized(): Response {
  return Response.json(
    { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "login", diagnostics: "Authentification requise" }] },
    { status: 401, headers: { "cache-control": "no-store", "www-authenticate": 'Bearer realm="espace-sante"' } },
  );
}
