import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SpaceBanner } from "@/components/relatives/space-banner";
import { requireSession } from "@/server/auth/current-session";
import { spaceBannerFacts } from "@/server/delegations/space-banner-facts";
import { pageScopeOf } from "@/server/documents/request-repository";

/**
 * The patient's space (/espace/…). Sends professionals to theirs. Not a security boundary:
 * every page and action below checks the session and the actor itself. In another person's
 * space, a banner says whose it is. ("Sortie rapide" is in the site header, on every page.)
 */
export default async function PatientLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  if (session.account.kind !== "patient") redirect("/pro");
  // The page below gets the same scope (requirePageScope): one actor and repository per request.
  const scope = await pageScopeOf(session);
  const banner = scope ? await spaceBannerFacts(scope.repo, scope.actor) : undefined;
  return (
    <>
      {banner ? <SpaceBanner {...banner} /> : null}
      {children}
    </>
  );
}
