import type { PreventionItem } from "./types";

/** The command's contract (issue 14): exactly these fields, in this order, nothing else. */
export type OutputItem = Pick<PreventionItem, "item" | "status" | "due" | "next" | "dose" | "mandatory" | "reason" | "source">;

export function toOutput(item: PreventionItem): OutputItem {
  return {
    item: item.item,
    status: item.status,
    ...(item.due !== undefined ? { due: item.due } : {}),
    ...(item.next !== undefined ? { next: item.next } : {}),
    ...(item.dose !== undefined ? { dose: item.dose } : {}),
    ...(item.mandatory !== undefined ? { mandatory: item.mandatory } : {}),
    reason: item.reason,
    source: item.source,
  };
}
