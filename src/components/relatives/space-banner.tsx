import { Button } from "@/components/button";
import { rightsInWords } from "@/lib/delegations/rights";
import { t } from "@/lib/i18n/messages";
import { SwitchSpaceForm } from "./switch-space-form";

/**
 * On every page of another person's space: whose space it is, with which rights (worded for the
 * caregiver who holds them: « voir ses documents »), and one click back to one's own. A plain form: works without JavaScript.
 * Its words are the catalogue's, so that « de » elides before a name as everywhere (« l'espace
 * d'Inès Martin »): written here, they read « l'espace de Inès Martin ».
 */
export function SpaceBanner({ name, kind, scopes, selfPatientId }: { name: string; kind: "guardian" | "delegate"; scopes: Iterable<string>; selfPatientId: string }) {
  return (
    <section aria-label={t("spaceBanner.label")} className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
      <p>
        <strong>{t("spaceBanner.inSpace", { name })}</strong>
        {kind === "guardian" ? t("spaceBanner.asGuardian") : t("spaceBanner.withRights", { rights: rightsInWords(scopes, "theirs") })}
      </p>
      <SwitchSpaceForm patientId={selfPatientId}>
        <Button type="submit" variant="secondary">{t("spaceBanner.back")}</Button>
      </SwitchSpaceForm>
    </section>
  );
}
