import "@/server/server-only";
import type { Consent, DocumentReference, RelatedPerson } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { rulesFromResources, type PatientRules } from "../access/rules";
import type { Scope } from "../access/scopes";
import { titleOf } from "../documents/document-summary";
import type { ProfessionalCard } from "../fhir/directory-search";
import type { Repository } from "../fhir/repository";
import { listLiveLinks } from "../sharing/list-live-links";
import { privacySpace } from "./privacy-space";
import type { EmergencyChoice } from "./set-emergency-access";
import type { Json } from "../pages/json-props";

/**
 * Everything "Partage et confidentialité" shows, in one read of the patient's active rules
 * (their Consents and RelatedPersons, through the repository, so the page view is in the
 * patient's history), turned into plain facts by the same rulesFromResources that decide()
 * reads: what the page says is what the access gate applies.
 */
export type SharingOverview = {
  patientId: string;
  /**
   * `blocked`: the professional is blocked too. The block beats the authorisation, which is kept
   * so that unblocking gives back what was chosen (block-professional.ts).
   */
  authorised: { card: ProfessionalCard; restricted: boolean; until?: Date; blocked: boolean }[];
  blocked: { card: ProfessionalCard }[];
  delegations: { relatedPersonId: string; name: string; kind: "guardian" | "delegate"; scopes: Scope[]; until?: Date }[];
  links: { id: string; prescriptionId: string; expiresAt: Date }[];
  emergency: EmergencyChoice;
  /** "unset": no choice made yet, the data not used (the sharing page must not say she refused). */
  research: "allowed" | "refused" | "unset";
  defaultLevel: "N" | "R";
  hidden: { id: string; title: string }[];
};

/** The overview as a page's props carry it (its dates as ISO strings): what the sharing components read. */
export type SharingOverviewProps = Json<SharingOverview>;

const PAGE = 100;

/** The rest of one type's active resources, a hundred at a time, after the first page. */
async function restOf<T extends Consent | RelatedPerson>(repo: Repository, type: T["resourceType"], patientId: string): Promise<T[]> {
  const found: T[] = [];
  for (let offset = PAGE; ; offset += PAGE) {
    const page = await repo.search<T>(type, { patientId, status: ["active"], count: PAGE, offset });
    found.push(...page.resources);
    if (!page.hasMore) return found;
  }
}

/**
 * The patient's active Consents and RelatedPersons, what the page's rules are made of: their first
 * hundred in one statement and one line of the history (« Recherche dans vos choix de partage et les
 * délégations »), as FHIR's `_type` search (issue 16: two statements on every view before); the
 * rest, if ever, a hundred at a time.
 */
async function ruleResources(repo: Repository, patientId: string): Promise<{ consents: Consent[]; relatedPersons: RelatedPerson[] }> {
  const first = await repo.searchTypes(["Consent", "RelatedPerson"], { patientId, status: ["active"], count: PAGE });
  const consents = first.get("Consent");
  const relatedPersons = first.get("RelatedPerson");
  const [moreConsents, moreRelatedPersons] = await Promise.all([
    consents?.hasMore ? restOf<Consent>(repo, "Consent", patientId) : [],
    relatedPersons?.hasMore ? restOf<RelatedPerson>(repo, "RelatedPerson", patientId) : [],
  ]);
  return {
    consents: [...((consents?.resources ?? []) as Consent[]), ...moreConsents],
    relatedPersons: [...((relatedPersons?.resources ?? []) as RelatedPerson[]), ...moreRelatedPersons],
  };
}

/** What `read` gives for the ids the page needs and nothing asked for yet; undefined, without a read, when there are none. */
async function lateOnes<T>(needed: string[], asked: ReadonlySet<string>, read: (ids: string[]) => Promise<T>): Promise<T | undefined> {
  const missing = [...new Set(needed.filter((id) => !asked.has(id)))];
  return missing.length > 0 ? read(missing) : undefined;
}

/** The documents the patient hid, a hundred ids per search. */
async function hiddenDocumentsOf(repo: Repository, patientId: string, hiddenIds: string[]): Promise<DocumentReference[]> {
  const found: DocumentReference[] = [];
  for (let start = 0; start < hiddenIds.length; start += 100) {
    const ids = hiddenIds.slice(start, start + 100);
    found.push(...(await repo.search<DocumentReference>("DocumentReference", { patientId, ids, count: ids.length })).resources);
  }
  return found;
}

/** The grants still running. */
const liveGrants = (rules: PatientRules, now: Date) => rules.authorisations.filter((a) => !a.until || now < a.until);

/** The professionals the page shows: those with a grant still running, and those blocked. */
const professionalsNamed = (rules: PatientRules, now: Date) => [...liveGrants(rules, now).map((a) => a.practitionerId), ...rules.blocked];

export async function sharingOverview(repo: Repository): Promise<SharingOverview> {
  const patientId = await privacySpace(repo);
  const now = repo.now();
  // Every read starts at once (issue 16: the page was slower than the documents page in every
  // round): the Consents and RelatedPersons the page's rules are made of, the links that still
  // open, and, named by the gate's own rules (they came with the session), the professionals'
  // cards and the hidden documents. Those waited for the page's rules before: a round trip more.
  // Both sets of rules come from the same resources; should one have changed between the two
  // reads, what the page's rules name and the gate's did not is read after them.
  const gateRead = repo.rules(patientId);
  const named = gateRead.then((rules) => {
    const professionals = professionalsNamed(rules, now);
    const hiddenIds = [...rules.hiddenDocuments];
    return Promise.all([repo.describeProfessionals(professionals), hiddenDocumentsOf(repo, patientId, hiddenIds), new Set(professionals), new Set(hiddenIds)] as const);
  });
  // One Promise.all holds every read, so none is left unawaited when another fails.
  const [{ consents, relatedPersons }, links, gateRules, [namedCards, namedHidden, cardsAsked, hiddenAsked]] = await Promise.all([
    ruleResources(repo, patientId),
    listLiveLinks(repo).then((found) => found ?? []),
    gateRead,
    named,
  ]);
  const rules: PatientRules = rulesFromResources(patientId, consents, relatedPersons);
  const live = liveGrants(rules, now);
  const [lateCards, lateHidden] = await Promise.all([
    lateOnes(professionalsNamed(rules, now), cardsAsked, (ids) => repo.describeProfessionals(ids)),
    lateOnes([...rules.hiddenDocuments], hiddenAsked, (ids) => hiddenDocumentsOf(repo, patientId, ids)),
  ]);
  const cards = new Map([...namedCards, ...(lateCards ?? [])]);
  const hiddenDocuments = [...namedHidden, ...(lateHidden ?? [])].filter((document) => rules.hiddenDocuments.has(document.id ?? ""));
  const cardOf = (id: string): ProfessionalCard => cards.get(id) ?? { id, name: "Professionnel de santé" };

  // One line per professional: their widest live grant (restricted beats normal, no end beats a date).
  const byProfessional = new Map<string, { restricted: boolean; until?: Date }>();
  for (const grant of live) {
    const seen = byProfessional.get(grant.practitionerId);
    const until = !seen ? grant.until : !seen.until || !grant.until ? undefined : new Date(Math.max(seen.until.getTime(), grant.until.getTime()));
    byProfessional.set(grant.practitionerId, { restricted: (seen?.restricted ?? false) || grant.restricted, until });
  }
  const names = new Map(relatedPersons.map((person) => [person.id ?? "", formatHumanName(person.name) ?? "Un proche"]));
  return {
    patientId,
    authorised: [...byProfessional].map(([id, grant]) => ({ card: cardOf(id), ...grant, blocked: rules.blocked.has(id) })).sort((a, b) => a.card.name.localeCompare(b.card.name, "fr")),
    blocked: [...rules.blocked].map((id) => ({ card: cardOf(id) })).sort((a, b) => a.card.name.localeCompare(b.card.name, "fr")),
    // From the rules the access gate applies (they know the birth date, so a guardianship that
    // ended at majority is not listed); the page's own rules above were read without it.
    delegations: gateRules.delegations
      .filter((d) => d.active && (!d.end || now < d.end))
      .map((d) => ({ relatedPersonId: d.relatedPersonId, name: names.get(d.relatedPersonId) ?? "Un proche", kind: d.kind, scopes: [...d.scopes], until: d.end })),
    links,
    emergency: !rules.emergencyAccess ? "refused" : rules.emergencyRestricted ? "allowed-restricted" : "allowed",
    research: rules.research ? "allowed" : rules.researchChosen ? "refused" : "unset",
    defaultLevel: rules.defaultConfidentiality,
    hidden: hiddenDocuments.map((document) => ({ id: document.id ?? "", title: titleOf(document) ?? "Document" })),
  };
}
