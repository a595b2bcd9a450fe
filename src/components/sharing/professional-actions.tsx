import { Button, buttonClasses } from "@/components/button";
import { t } from "@/lib/i18n/messages";

/** One-button forms on a professional: withdraw, block, unblock; and the "Voir comme" link. */
export function ProfessionalButton({ action, practitionerId, label, describedBy, variant = "secondary" }: { action: "retirer" | "bloquer" | "debloquer"; practitionerId: string; label: string; describedBy: string; variant?: "secondary" | "quiet" }) {
  return (
    <form method="post" action={`/api/partage/${action}`}>
      <input type="hidden" name="praticien" value={practitionerId} />
      <Button type="submit" variant={variant} aria-describedby={describedBy}>
        {label}
      </Button>
    </form>
  );
}

export function PreviewLink({ viewer, describedBy }: { viewer: string; describedBy: string }) {
  return (
    <a href={`/espace/partage/apercu?vue=${encodeURIComponent(viewer)}`} aria-describedby={describedBy} className={buttonClasses("quiet")}>
      {t("sharing.previewAs")}
    </a>
  );
}
