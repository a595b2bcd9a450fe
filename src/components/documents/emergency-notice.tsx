import { formatDateTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { EmergencyNotice as Notice } from "@/server/emergency/emergency-notices";
import { UnrecognisedAccess } from "@/components/history/unrecognised-access";

/** A reason typed as a sentence (« … en cours. ») closes the notice's sentence itself: « cours. ». » doubled it. */
const endsWithStop = (reason: string) => /[.!?…]$/.test(reason.trim());

/**
 * On the patient's home page: the emergency accesses to their record in the last 30 days, who,
 * when and the reason they typed, each with "Je ne reconnais pas cet accès". Nothing is
 * rendered when there were none. To someone acting for the patient who may read her trail
 * (`reader`), about her record, by name.
 */
export function EmergencyNotice({ notices, reader }: { notices: (Omit<Notice, "when" | "endedAt"> & { when: string | Date; endedAt?: string | Date })[]; reader: Reader }) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="emergency-notice-title" className="rounded-md border-l-4 border-red-800 bg-red-50 px-4 py-3 text-red-950">
      <h2 id="emergency-notice-title" className="text-lg font-semibold">
        {tv("emergencyNotice.title", reader)}
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {notices.map((notice, index) => (
          <li key={index}>
            <span id={`urgence-${notice.entryId}`}>
              {tv("emergencyNotice.item", reader, {
                name: notice.practitioner ?? t("emergencyNotice.unknownPractitioner"),
                date: formatDateTime(notice.when),
                reason: notice.reason,
                end: endsWithStop(notice.reason) ? "" : ".",
              })}
              {notice.endedAt ? ` ${t("emergencyNotice.ended", { date: formatDateTime(notice.endedAt) })}` : null}
            </span>
            {notice.mayReport ? <UnrecognisedAccess entryId={notice.entryId} reported={notice.reported} describedBy={`urgence-${notice.entryId}`} /> : null}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <a href="/espace/historique" className="font-semibold text-red-950">
          {t("emergencyNotice.history")}
        </a>
      </p>
    </section>
  );
}
