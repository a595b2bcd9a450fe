import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { MAX_TEXT_LENGTH, type DocumentFilters } from "@/lib/documents/document-filters";
import { DOCUMENT_CATEGORIES } from "@/lib/fhir/systems";
import { t } from "@/lib/i18n/messages";
import type { FacetOption } from "@/server/documents/list-document-facets";
import { SelectField } from "./select-field";

/** The category's name in the filter: « Mes documents » to the patient in her own space, « Documents personnels » to anyone else. */
function categoryLabel(category: (typeof DOCUMENT_CATEGORIES)[number], ownSpace: boolean): string {
  return ownSpace && category === "personal" ? t("documents.ownPersonal") : t(`documents.categories.${category}`);
}

/**
 * The filters as a plain GET form: the URL holds the view (bookmarkable, shareable with oneself,
 * works without JavaScript). Parameter names are the French ones of document-filters.ts.
 * `ownSpace`: the patient reads it in her own space (not a professional, not a caregiver).
 */
export function DocumentFiltersForm({
  action,
  filters,
  authors,
  facilities,
  ownSpace = false,
}: {
  action: string;
  filters: DocumentFilters;
  authors: FacetOption[];
  facilities: FacetOption[];
  ownSpace?: boolean;
}) {
  return (
    <section aria-labelledby="filters-title" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="filters-title" className="mb-3 text-lg font-semibold">
        {t("documents.filtersTitle")}
      </h2>
      <form method="get" action={action} role="search" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          name="q"
          type="search"
          label={t("documents.searchLabel")}
          hint={t("documents.searchHint")}
          defaultValue={filters.text}
          maxLength={MAX_TEXT_LENGTH}
          className="sm:col-span-2 lg:col-span-3"
        />
        <SelectField
          name="categorie"
          label={t("documents.categoryLabel")}
          defaultValue={filters.category ?? ""}
          options={[
            { value: "", label: t("documents.allCategories") },
            ...DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, ownSpace) })),
          ]}
        />
        <SelectField
          name="auteur"
          label={t("documents.authorLabel")}
          defaultValue={filters.author ?? ""}
          options={[{ value: "", label: t("documents.allAuthors") }, ...authors.map((a) => ({ value: a.id, label: a.label }))]}
        />
        <SelectField
          name="etablissement"
          label={t("documents.facilityLabel")}
          defaultValue={filters.facility ?? ""}
          options={[{ value: "", label: t("documents.allFacilities") }, ...facilities.map((f) => ({ value: f.id, label: f.label }))]}
        />
        <TextField name="du" type="date" label={t("documents.fromLabel")} defaultValue={filters.from} />
        <TextField name="au" type="date" label={t("documents.toLabel")} defaultValue={filters.to} />
        <div className="flex flex-wrap items-end gap-3">
          <Button type="submit">{t("documents.apply")}</Button>
          <a href={action} className="py-2 font-semibold">
            {t("documents.reset")}
          </a>
        </div>
      </form>
    </section>
  );
}
