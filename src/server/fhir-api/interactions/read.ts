import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import { readAuditEvent } from "../../audit/read-audit-events";
import { notFound } from "../../fhir/errors";
import { parseNoParams } from "../parse-search";
import { resourceResponse } from "../responses";
import { readBinaryInteraction } from "./binary";
import type { InteractionContext } from "./context";

/** GET [type]/[id]: the current version, with its ETag and Last-Modified. */
export async function readInteraction(context: InteractionContext): Promise<Response> {
  const { url, type, id, repo } = context;
  if (type === "Binary") return readBinaryInteraction(context);
  parseNoParams(url.searchParams);
  const resource = type === "AuditEvent" ? await readAuditEvent(repo, id) : await repo.read(type as Resource["resourceType"], id);
  return resourceResponse(resource);
}

/** GET [type]/[id]/_history/[vid]: one stored version. */
export async function vreadInteraction({ url, type, id, versionId, repo, base }: InteractionContext): Promise<Response> {
  parseNoParams(url.searchParams);
  // A malformed version reads like one that does not exist, whoever asks.
  if (!/^\d{1,9}$/.test(versionId)) throw notFound();
  const resource = await repo.vread(type as Resource["resourceType"], id, String(Number(versionId)));
  return resourceResponse(resource, 200, { "content-location": `${base}/${type}/${id}/_history/${resource.meta?.versionId ?? versionId}` });
}
