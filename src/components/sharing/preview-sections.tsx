import { formatDay } from "@/lib/documents/format";
import { t, type MessageKey } from "@/lib/i18n/messages";
import type { Preview, PreviewType } from "@/server/privacy/preview-as";

const TITLES: Record<PreviewType, MessageKey> = {
  DocumentReference: "sharing.previewDocuments",
  MedicationRequest: "sharing.previewPrescriptions",
  Immunization: "sharing.previewRecord",
  Condition: "sharing.previewRecord",
  AllergyIntolerance: "sharing.previewRecord",
  Observation: "sharing.previewRecord",
};

/** What the viewer sees, by part of the record: documents, prescriptions, the rest of the record. */
export function PreviewSections({ preview }: { preview: Preview }) {
  const groups: { key: MessageKey; sections: Preview["sections"] }[] = [];
  for (const section of preview.sections) {
    const key = TITLES[section.type];
    const group = groups.find((g) => g.key === key);
    if (group) group.sections.push(section);
    else groups.push({ key, sections: [section] });
  }
  return (
    <>
      {groups.map((group) => {
        const total = group.sections.reduce((n, s) => n + s.total, 0);
        const items = group.sections.flatMap((s) => s.items);
        const id = `apercu-${group.key.replace(/\W/g, "-")}`;
        return (
          <section key={group.key} aria-labelledby={id} className="flex flex-col gap-2" data-testid={id}>
            <h2 id={id} className="text-xl font-semibold">
              {t(group.key, { count: total })}
            </h2>
            <ul className="flex flex-col gap-1">
              {items.map((item) => (
                <li key={item.id} data-id={item.id} className="rounded border border-slate-300 bg-white px-3 py-2">
                  {item.label}
                  {item.date && formatDay(item.date) ? <span className="text-slate-700"> — {formatDay(item.date)}</span> : null}
                </li>
              ))}
            </ul>
            {total > items.length ? <p className="text-slate-700">{t("sharing.previewMore", { count: total - items.length })}</p> : null}
          </section>
        );
      })}
    </>
  );
}
