import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireSession } from "@/server/auth/current-session";

/**
 * The patient's space (/espace/…). Sends professionals to theirs. Not a security boundary:
 * every page and action below checks the session and the actor itself.
 */
export default async function PatientLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  if (session.account.kind !== "patient") redirect("/pro");
  return children;
}
