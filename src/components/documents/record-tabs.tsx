import { t } from "@/lib/i18n/messages";

/**
 * The tabs of a patient's record as a professional sees it: its documents, its prevention. Plain
 * links in a named navigation, the current one marked for screen readers (aria-current), so they
 * work without JavaScript. No prevention tab for a professional let in by an emergency access
 * alone: prevention is for the professionals the patient authorises (prevention-refusal.ts).
 */
export function RecordTabs({ patientId, name, current, prevention }: { patientId: string; name: string; current: "documents" | "prevention"; prevention: boolean }) {
  const basePath = `/pro/patients/${patientId}`;
  const tabs = [
    { key: "documents", href: basePath, label: t("pro.tabDocuments") },
    ...(prevention ? [{ key: "prevention", href: `${basePath}/prevention`, label: t("pro.tabPrevention") }] : []),
  ];
  return (
    <nav aria-label={t("pro.recordTabs", { name })}>
      <ul className="flex gap-1 border-b border-slate-300">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={
                tab.key === current
                  ? "-mb-px block rounded-t border border-b-white border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900"
                  : "block px-4 py-2 font-semibold text-blue-800 underline underline-offset-4"
              }
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
