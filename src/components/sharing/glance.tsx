import { t, tn } from "@/lib/i18n/messages";
import type { SharingOverviewProps } from "@/server/privacy/sharing-overview";
import { lastDayCovered } from "@/lib/dates/last-day-covered";
import { formatDay } from "@/lib/documents/format";
import { rightsInWords } from "@/lib/delegations/rights";
import { tv, type Reader } from "@/lib/i18n/voice";

/** What the research choice says: never made is not a refusal (the data are not used all the same). */
const RESEARCH_SENTENCE = {
  allowed: "sharing.researchSentenceAllowed",
  refused: "sharing.researchSentenceRefused",
  unset: "sharing.researchSentenceUnset",
} as const;

/**
 * At a glance, a patient reads a sentence per professional up to this many; past it, one sentence
 * counts the others and points to the paged list (a sentence per professional for 250 of them
 * is neither a glance nor cheap to render).
 */
const GLANCE_PER_GROUP = 10;

/**
 * "En un coup d'œil": one sentence per person or group who can see the record, in the words a
 * patient uses, each with a link to where it is changed. To someone acting for her (`reader`),
 * each sentence is about her, by name (« peut voir les documents de Camille Martin »), and the
 * people acting for her have their rights about her (« voir ses documents »), not « pour vous ».
 */
export function Glance({ overview, reader }: { overview: SharingOverviewProps; reader: Reader }) {
  const specialty = (value?: string) => (value ? ` (${value})` : "");
  const lines: { key: string; text: string; href: string }[] = [];
  // A blocked professional is said to be blocked, not also to see the documents.
  const authorised = overview.authorised.filter(({ blocked }) => !blocked);
  for (const { card, restricted, until } of authorised.slice(0, GLANCE_PER_GROUP)) {
    lines.push({
      key: `a-${card.id}`,
      text: tv("sharing.authorisedSentence", reader, {
        name: card.name,
        specialty: specialty(card.specialty),
        level: tv(restricted ? "sharing.levelRestricted" : "sharing.levelNormal", reader),
        until: until ? t("sharing.untilDate", { date: formatDay(lastDayCovered(until)) }) : t("sharing.untilNone"),
      }),
      href: `/espace/partage#pro-${card.id}`,
    });
  }
  if (authorised.length > GLANCE_PER_GROUP) {
    lines.push({ key: "a-more", text: tn("sharing.authorisedMore", authorised.length - GLANCE_PER_GROUP), href: "#autorises" });
  }
  for (const { card } of overview.blocked.slice(0, GLANCE_PER_GROUP)) {
    lines.push({ key: `b-${card.id}`, text: tv(`sharing.blockedSentence.${card.sex ?? "unknown"}`, reader, { name: card.name, specialty: specialty(card.specialty) }), href: `/espace/partage#bloque-${card.id}` });
  }
  if (overview.blocked.length > GLANCE_PER_GROUP) {
    lines.push({ key: "b-more", text: tn("sharing.blockedMore", overview.blocked.length - GLANCE_PER_GROUP), href: "#bloques" });
  }
  for (const delegation of overview.delegations) {
    lines.push({
      key: `d-${delegation.relatedPersonId}`,
      text:
        delegation.kind === "guardian"
          ? tv("sharing.guardianSentence", reader, { name: delegation.name })
          : tv("sharing.delegateSentence", reader, {
              name: delegation.name,
              rights: delegation.scopes.length > 0 ? rightsInWords(delegation.scopes, reader.voice) : "—",
              until: delegation.until ? t("sharing.untilDate", { date: formatDay(lastDayCovered(delegation.until)) }) : "",
            }),
      href: "/espace/proches",
    });
  }
  for (const link of overview.links) {
    lines.push({ key: `l-${link.id}`, text: t("sharing.linkSentence", { date: formatDay(link.expiresAt) }), href: `/espace/ordonnances/${link.prescriptionId}` });
  }
  const emergency = { allowed: "sharing.emergencySentenceAllowed", "allowed-restricted": "sharing.emergencySentenceRestricted", refused: "sharing.emergencySentenceRefused" } as const;
  lines.push({ key: "emergency", text: tv(emergency[overview.emergency], reader), href: "#urgence" });
  lines.push({ key: "level", text: tv(overview.defaultLevel === "R" ? "sharing.defaultLevelSentenceR" : "sharing.defaultLevelSentenceN", reader), href: "#niveau" });
  lines.push({ key: "research", text: tv(RESEARCH_SENTENCE[overview.research], reader), href: "#recherche" });
  lines.push({ key: "hidden", text: overview.hidden.length ? tn("sharing.hiddenSentence", overview.hidden.length) : t("sharing.hiddenNone"), href: "#masques" });
  return (
    <section aria-labelledby="glance-title" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="glance-title" className="text-xl font-semibold">
        {t("sharing.glanceTitle")}
      </h2>
      {overview.authorised.length === 0 ? <p>{tv("sharing.glanceEmpty", reader)}</p> : null}
      <ul className="flex flex-col gap-2">
        {lines.map((line) => (
          <li key={line.key} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <span id={`glance-${line.key}`}>{line.text}</span>
            <a href={line.href} aria-describedby={`glance-${line.key}`} className="text-sm font-semibold">
              {t("sharing.change")}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
