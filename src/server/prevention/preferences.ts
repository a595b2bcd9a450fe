import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { ReadRepository } from "../fhir/read-repository";
import type { Repository } from "../fhir/repository";
import type { Theme } from "./types";

/**
 * "Ne plus me le rappeler": the person's choice to stop prevention reminders, for one theme or
 * all of them, stored in their record as a Consent (category "prevention", provision deny, the
 * theme in provision.code; none means every theme). A Consent rather than a preference table:
 * it is the person's choice about the use of their data, so it travels with the record (export,
 * FHIR API), decide() already says who may change it (the person, a guardian, a delegate with
 * privacy:manage; never a professional), and every change is versioned and audited like the
 * other rules. The calendar itself stays visible whatever is chosen.
 */
export const THEMES: readonly Theme[] = ["vaccination-enfant", "vaccination-adulte", "vaccination-saisonniere", "depistage", "bilan", "suivi-enfant"];

export type PreventionPreferences = { all: boolean; themes: ReadonlySet<Theme>; consents: { id: string; theme: Theme | "all" }[] };

export function isTheme(value: string): value is Theme {
  return (THEMES as readonly string[]).includes(value);
}

export async function loadPreferences(repo: ReadRepository, patientId: string): Promise<PreventionPreferences> {
  const page = await repo.search<Consent>("Consent", { patientId, category: ["prevention"], status: ["active"], count: 100 });
  return preferencesFromConsents(page.resources);
}

/** The choices stated by a person's active prevention Consents (other Consents are ignored). */
export function preferencesFromConsents(found: readonly Consent[]): PreventionPreferences {
  const prevention = found.filter(
    (consent) => consent.status === "active" && (consent.category ?? []).some((c) => (c.coding ?? []).some((code) => code.system === SYSTEMS.consentRule && code.code === "prevention")),
  );
  const consents = prevention.flatMap((consent): { id: string; theme: Theme | "all" }[] => {
    if (!consent.id || consent.provision?.type !== "deny") return [];
    const code = consent.provision.code?.[0]?.coding?.find((c) => c.system === SYSTEMS.preventionTheme)?.code;
    if (code === undefined) return [{ id: consent.id, theme: "all" }];
    return isTheme(code) ? [{ id: consent.id, theme: code }] : [];
  });
  return {
    all: consents.some((c) => c.theme === "all"),
    themes: new Set(consents.flatMap((c) => (c.theme === "all" ? [] : [c.theme]))),
    consents,
  };
}

/** Stops reminders for a theme (or all); choosing what is already chosen changes nothing. */
export async function silence(repo: Repository, patientId: string, theme: Theme | "all", now: Date = repo.now()): Promise<void> {
  const current = await loadPreferences(repo, patientId);
  if (current.consents.some((c) => c.theme === theme)) return;
  const consent: Consent = {
    resourceType: "Consent",
    status: "active",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
    category: [{ coding: [{ system: SYSTEMS.consentRule, code: "prevention" }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: now.toISOString(),
    policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTOUT" }] },
    provision: {
      type: "deny",
      ...(theme === "all" ? {} : { code: [{ coding: [{ system: SYSTEMS.preventionTheme, code: theme }] }] }),
    },
  };
  await repo.create(consent);
}

/** Reminders again for a theme (or all): the matching choices are deleted (their history stays). */
export async function restore(repo: Repository, patientId: string, theme: Theme | "all"): Promise<void> {
  const current = await loadPreferences(repo, patientId);
  for (const consent of current.consents.filter((c) => c.theme === theme)) await repo.delete("Consent", consent.id);
}

/** Whether a reminder of this theme may be sent (the seam for notifications). */
export function remindersAllowed(preferences: PreventionPreferences, theme: Theme): boolean {
  return !preferences.all && !preferences.themes.has(theme);
}
