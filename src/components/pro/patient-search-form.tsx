import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";

/**
 * Finding one patient on the professional's home: a plain GET form (works without JavaScript,
 * the URL keeps the search), and a link back to the whole list once a search is shown.
 */
/** `maxLength`: the length the page keeps of the query string (patient-search-length.ts). */
export function PatientSearchForm({ search, maxLength }: { search: string; maxLength: number }) {
  return (
    <form method="get" action="/pro" role="search" className="flex flex-wrap items-end gap-3">
      <TextField name="q" type="search" label={t("proHome.searchLabel")} hint={t("proHome.searchHint")} defaultValue={search} maxLength={maxLength} className="min-w-0 flex-1 basis-56" />
      <Button type="submit">{t("proHome.searchButton")}</Button>
      {search ? (
        <a href="/pro" className="py-2 font-semibold">
          {t("proHome.searchReset")}
        </a>
      ) : null}
    </form>
  );
}
