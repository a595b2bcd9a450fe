import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { SpacePart } from "@/server/delegations/space-parts";

/**
 * A part of the space the caregiver's delegation leaves out, said in words where its content would
 * be (nothing of it is read), and who can let the caregiver in.
 */
export function OutOfReachNotice({ part }: { part: SpacePart }) {
  return (
    <Alert tone="info">
      {t(`outOfReach.${part}`)} {t("outOfReach.howToGet")}
    </Alert>
  );
}

/** A page whose whole content the delegation leaves out: its title, and why nothing follows. */
export function OutOfReachView({ title, description, part }: { title: string; description?: string; part: SpacePart }) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={title} description={description} />
      <OutOfReachNotice part={part} />
    </div>
  );
}
