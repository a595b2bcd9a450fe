import type { Resource } from "@medplum/fhirtypes";

/**
 * A withdrawn message shows what it said to no one, its earlier versions included (vread,
 * history): its sender took it back. The stored versions are kept as they are (the history is
 * append-only); what leaves the repository is redacted.
 */
export function redactIfWithdrawn<T extends Resource>(current: Resource, version: T): T {
  if (current.resourceType !== "Communication" || current.status !== "entered-in-error" || version.resourceType !== "Communication") return version;
  const { payload: _payload, ...kept } = version;
  return kept as T;
}
