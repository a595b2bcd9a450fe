import { Button } from "@/components/button";
import { t } from "@/lib/i18n/messages";

/**
 * « Mettre fin à l'accès en urgence »: a plain form (the record's page runs no script), posted to
 * /pro/urgence/terminer, which ends the access this session opened and nothing else: the form
 * carries no id. Same-site requests only, as every form of ours (check-origin.ts).
 */
export function EndEmergencyForm() {
  return (
    <form method="post" action="/pro/urgence/terminer">
      <Button type="submit" variant="secondary">
        {t("pro.emergencyEnd")}
      </Button>
    </form>
  );
}
