import type { ReactNode } from "react";
import type { SpaceLanding } from "@/lib/delegations/space-landings";

/**
 * A plain form that makes `patientId` the space the session acts in, then lands on that space's
 * home page or on `suite` (/espace/espace-actif checks the right; the chosen space changes only
 * by a post, never by a visit). Works without JavaScript. `children`: its button, and whatever
 * the form shows beside it.
 */
export function SwitchSpaceForm({ patientId, suite, className, children }: { patientId: string; suite?: SpaceLanding; className?: string; children: ReactNode }) {
  return (
    <form method="post" action="/espace/espace-actif" className={className}>
      <input type="hidden" name="patientId" value={patientId} />
      {suite ? <input type="hidden" name="suite" value={suite} /> : null}
      {children}
    </form>
  );
}
