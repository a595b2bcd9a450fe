import "@/server/server-only";
import { env } from "../env";
import { FhirError, notFound } from "../fhir/errors";
import { createRepository } from "../fhir/repository";
import { checkApiOrigin } from "../http/check-api-origin";
import { fhirBase } from "./base-url";
import type { CallerSource } from "./caller";
import { supports, isApiType, type ApiInteraction } from "./capabilities";
import { capabilityStatement } from "./capability-statement";
import { createInteraction } from "./interactions/create";
import type { InteractionContext } from "./interactions/context";
import { deleteInteraction } from "./interactions/delete";
import { historyInteraction } from "./interactions/history";
import { COMPUTED_TYPE, immunizationRecommendationSearch } from "./interactions/immunization-recommendation";
import { readInteraction, vreadInteraction } from "./interactions/read";
import { searchInteraction } from "./interactions/search";
import { updateInteraction } from "./interactions/update";
import { parseNoParams } from "./parse-search";
import {
  crossSiteRefused,
  errorResponse,
  fhirJson,
  methodNotAllowed,
  toResponse,
  unauthenticatedResponse,
  unsupportedType,
  uriTooLong,
} from "./responses";
import { DEFAULT_WRITE_LIMIT, refuseOverWriteLimit, type WriteLimit } from "./write-limit";
import { isUuid } from "../fhir/ids";

/**
 * The FHIR REST API behind /api/fhir/R4: routes a request to one interaction, in an order
 * where each refusal costs less than the next step and reveals nothing about stored data:
 * size of the address (414), route and method (404/405, from the capability table), origin of
 * a state change (403), session (401), write rate (429), then the interaction itself, whose
 * repository decides access and audits. Whatever is thrown becomes an OperationOutcome.
 */
export type HandlerOptions = { writeLimit?: WriteLimit };

const MAX_QUERY_LENGTH = 8 * 1024;
const MAX_PATH_LENGTH = 1024;

type Shape = "type" | "instance" | "history" | "version";

const ROUTES: Record<Shape, Partial<Record<string, ApiInteraction>>> = {
  type: { GET: "search-type", HEAD: "search-type", POST: "create" },
  instance: { GET: "read", HEAD: "read", PUT: "update", DELETE: "delete" },
  history: { GET: "history-instance", HEAD: "history-instance" },
  version: { GET: "vread", HEAD: "vread" },
};

const HANDLERS: Record<ApiInteraction, (context: InteractionContext) => Promise<Response>> = {
  read: readInteraction,
  vread: vreadInteraction,
  "history-instance": historyInteraction,
  "search-type": searchInteraction,
  create: createInteraction,
  update: updateInteraction,
  delete: deleteInteraction,
};

const READ_METHODS = new Set(["GET", "HEAD"]);


/**
 * The store's ids are lower-case UUIDs, and PostgreSQL's uuid type matches any case: without
 * this, an address in upper case would reach the same row yet be written back as its id on
 * update and into the audit rows, where the patient's trail no longer links it.
 */
function canonicalId(id: string | undefined): string | undefined {
  return id !== undefined && isUuid(id) ? id.toLowerCase() : id;
}

function shapeOf(segments: string[]): { type: string; id: string; versionId: string; shape: Shape } | undefined {
  const [type = "", rawId, history, versionId, ...rest] = segments;
  const id = canonicalId(rawId);
  if (rest.length > 0) return undefined;
  if (id === undefined) return { type, id: "", versionId: "", shape: "type" };
  if (id === "_history") return undefined; // type-level history is not served
  if (history === undefined) return { type, id, versionId: "", shape: "instance" };
  if (history !== "_history") return undefined;
  return versionId === undefined ? { type, id, versionId: "", shape: "history" } : { type, id, versionId, shape: "version" };
}

function allowHeader(type: string, shape: Shape): string {
  const methods = Object.entries(ROUTES[shape])
    .filter(([, interaction]) => interaction && supports(type, interaction))
    .map(([method]) => method);
  return methods.join(", ");
}

async function route(request: Request, segments: string[], resolveCaller: CallerSource, options: HandlerOptions): Promise<Response> {
  const url = new URL(request.url);
  if (url.search.length > MAX_QUERY_LENGTH || url.pathname.length > MAX_PATH_LENGTH) throw uriTooLong();
  const method = request.method.toUpperCase();
  const base = fhirBase();

  if (segments.length === 1 && segments[0] === "metadata") {
    if (!READ_METHODS.has(method)) return errorResponse(methodNotAllowed(), { allow: "GET, HEAD" });
    parseNoParams(url.searchParams);
    return fhirJson(capabilityStatement(base));
  }
  const target = segments.length > 0 ? shapeOf(segments) : undefined;
  if (!target) throw notFound();
  // Computed by the prevention engine, never stored: a type-level search only.
  if (target.type === COMPUTED_TYPE) {
    if (target.shape !== "type" || !READ_METHODS.has(method)) return errorResponse(methodNotAllowed(), { allow: target.shape === "type" ? "GET, HEAD" : "" });
    const caller = await resolveCaller();
    if (!caller) return unauthenticatedResponse();
    return immunizationRecommendationSearch({ url, actor: caller.actor, repo: await createRepository(caller.actor, caller.ctx), base });
  }
  if (!isApiType(target.type)) throw unsupportedType();
  const interaction = ROUTES[target.shape][method];
  if (!interaction || !supports(target.type, interaction)) {
    return errorResponse(methodNotAllowed(), { allow: allowHeader(target.type, target.shape) });
  }

  const writes = !READ_METHODS.has(method);
  if (writes && !checkApiOrigin(request, env().APP_URL).ok) throw crossSiteRefused();
  const caller = await resolveCaller();
  if (!caller) return unauthenticatedResponse();
  if (writes) {
    const refused = await refuseOverWriteLimit(caller.actor, options.writeLimit ?? DEFAULT_WRITE_LIMIT);
    if (refused) return refused;
  }
  const repo = await createRepository(caller.actor, caller.ctx);
  return HANDLERS[interaction]({ request, url, ...target, actor: caller.actor, repo, base });
}

export async function handleFhirRequest(
  request: Request,
  segments: string[],
  resolveCaller: CallerSource,
  options: HandlerOptions = {},
): Promise<Response> {
  try {
    return await route(request, segments, resolveCaller, options);
  } catch (error) {
    if (error instanceof FhirError) return errorResponse(error);
    return toResponse(error);
  }
}
