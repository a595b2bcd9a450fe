import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { LostSpace } from "@/server/delegations/lost-space";
import { SwitchSpaceForm } from "./switch-space-form";

/**
 * In place of any page of a space the person no longer reaches (the delegation withdrawn or
 * ended): said in words, without whose space it was, and the ways back to their own. Plain
 * forms, as the banner's: the session's chosen space changes only by a post, never by a visit.
 */
const BODY = { majority: "lostSpace.bodyCameOfAge", measure: "lostSpace.bodyMeasureEnded" } as const;

export function LostSpaceView({ selfPatientId, endedBy }: LostSpace) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("lostSpace.title")} description={t(endedBy ? BODY[endedBy] : "lostSpace.body")} />
      <div className="flex flex-wrap gap-3">
        <SwitchSpaceForm patientId={selfPatientId}>
          <Button type="submit">{t("lostSpace.home")}</Button>
        </SwitchSpaceForm>
        <SwitchSpaceForm patientId={selfPatientId} suite="proches">
          <Button type="submit" variant="secondary">
            {t("lostSpace.relatives")}
          </Button>
        </SwitchSpaceForm>
      </div>
    </div>
  );
}
