import { handleFhirRequest } from "@/server/fhir-api/handle-request";
import { callerFromSession } from "@/server/fhir-api/session-caller";

/**
 * The FHIR R4 REST API (metadata, read, vread, history, search, create, update, delete).
 * One catch-all route, so every path under /api/fhir/R4 (including the unknown ones and
 * `_history`, which Next would treat as a private folder) answers a FHIR OperationOutcome.
 * Authentication is the session cookie; everything else is decided in src/server/fhir-api.
 */
type RouteContext = { params: Promise<{ path?: string[] }> };

async function serve(request: Request, context: RouteContext): Promise<Response> {
  const { path = [] } = await context.params;
  return handleFhirRequest(request, path, callerFromSession);
}

export const GET = serve;
export const HEAD = serve;
export const POST = serve;
export const PUT = serve;
export const DELETE = serve;
export const PATCH = serve;
