import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SpaceBanner } from "@/components/relatives/space-banner";
import { actorForSession } from "@/server/auth/actor-for-session";
import { requireSession } from "@/server/auth/current-session";
import { requestContext } from "@/server/auth/request-context";
import { spaceBannerFacts } from "@/server/delegations/space-banner-facts";
import { createRepository } from "@/server/fhir/repository";

/**
 * The patient's space (/espace/…). Sends professionals to theirs. Not a security boundary:
 * every page and action below checks the session and the actor itself. In another person's
 * space, a banner says whose it is. ("Sortie rapide" is in the site header, on every page.)
 */
export default async function PatientLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  if (session.account.kind !== "patient") redirect("/pro");
  const actor = await actorForSession(session);
  const banner = actor ? await spaceBannerFacts(await createRepository(actor, await requestContext(session)), actor) : undefined;
  return (
    <>
      {banner ? <SpaceBanner {...banner} /> : null}
      {children}
    </>
  );
}
