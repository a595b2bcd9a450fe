import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { Queryable } from "../db/queryable";

/**
 * A withdrawn message shows what it said to no one, its earlier versions included (vread,
 * history): its sender took it back. Its text and its subject are erased from every stored version when it is
 * withdrawn (eraseWithdrawnText); what leaves the repository is redacted as well, for versions
 * withdrawn before that erasure existed.
 */
export function redactIfWithdrawn<T extends Resource>(current: Resource, version: T): T {
  if (current.resourceType !== "Communication" || current.status !== "entered-in-error" || version.resourceType !== "Communication") return version;
  const { payload: _payload, topic: _topic, ...kept } = version;
  return kept as T;
}

/**
 * In the withdrawal's transaction (repository update): the payload and the subject leave every stored version of
 * the message, through the one database function allowed to touch the append-only history
 * (migration erase_withdrawn_message_text). The versions themselves, their dates and the audit
 * rows stay: the conversation still shows that a message was sent, then withdrawn.
 */
export async function eraseWithdrawnText(db: Queryable, stored: Resource, next: Resource): Promise<void> {
  if (stored.resourceType !== "Communication" || next.resourceType !== "Communication") return;
  if (stored.status === "entered-in-error" || next.status !== "entered-in-error") return;
  await db.query("SELECT erase_withdrawn_message_text($1::uuid) AS changed", [next.id]);
}
