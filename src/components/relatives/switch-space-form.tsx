import type { ReactNode } from "react";
import type { SpaceLanding } from "@/lib/delegations/space-landings";

/**
 * A plain form that makes `patientId` the space the session acts in, then lands on that space's
 * home page, on `suite`, or back on `retour` (/espace/espace-actif checks the right and the path; the chosen space changes only
 * by a post, never by a visit). Works without JavaScript. `children`: its button, and whatever
 * the form shows beside it.
 */
export function SwitchSpaceForm({
  patientId,
  suite,
  retour,
  className,
  children,
}: {
  patientId: string;
  suite?: SpaceLanding;
  /** A page of this site to come back to instead (the route checks it: switch-return.ts). */
  retour?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form method="post" action="/espace/espace-actif" className={className}>
      <input type="hidden" name="patientId" value={patientId} />
      {suite ? <input type="hidden" name="suite" value={suite} /> : null}
      {retour ? <input type="hidden" name="retour" value={retour} /> : null}
      {children}
    </form>
  );
}
