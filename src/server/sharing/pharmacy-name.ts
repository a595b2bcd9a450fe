import { sanitiseForAudit } from "../audit/audit-entry";
import { LINK_POLICY } from "./link-policy";

/**
 * The pharmacy's name as typed by the pharmacist: shown to the patient in their history, so it
 * is cleaned of control and direction-override characters, its spaces collapsed, and bounded.
 * Undefined when nothing readable is left.
 */
export function cleanPharmacyName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const clean = sanitiseForAudit(value.normalize("NFC"), 1000)?.replace(/\s+/g, " ").trim() ?? "";
  if (clean.length < 2) return undefined;
  return clean.length > LINK_POLICY.pharmacyNameMax ? clean.slice(0, LINK_POLICY.pharmacyNameMax) : clean;
}
