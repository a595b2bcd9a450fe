/**
 * Statuses a resource never leaves once reached. A prescription line that is completed
 * (fully dispensed), cancelled, stopped or entered in error stays so: were it set back to
 * active, the links to its prescription (dead once nothing is left to dispense) would open
 * again, and what was handed over could be handed over twice. A new prescription is written
 * instead. Pure; the repository checks every update against the stored status.
 */
const FINAL: Record<string, ReadonlySet<string>> = {
  MedicationRequest: new Set(["completed", "cancelled", "stopped", "entered-in-error"]),
};

/** Whether moving a resource of `type` from status `from` to `to` is refused. */
export function statusMoveRefused(type: string, from: string | undefined, to: string | undefined): boolean {
  const final = FINAL[type];
  if (!final || from === undefined || from === to || !final.has(from)) return false;
  return to === undefined || !final.has(to);
}
