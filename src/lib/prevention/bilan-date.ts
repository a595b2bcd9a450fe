import { isDay } from "@/lib/dates/paris-day";
import { formatDateTime, formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";

/**
 * When a prevention questionnaire was filled in (QuestionnaireResponse.authored, a FHIR dateTime),
 * as its lines and pages say it. A dateTime may be a day alone (one written through the API): it
 * is that Paris day, where reading it as a Date gave its UTC midnight, « à 01:00 » in Paris.
 */
export function bilanDate(authored: string | null | undefined): string {
  if (!authored) return t("prevention.bilan.unknownDate");
  return (isDay(authored) ? formatDay(authored) : formatDateTime(authored)) || t("prevention.bilan.unknownDate");
}
