import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireSession } from "@/server/auth/current-session";

/** The professional's space (/pro/…). Sends patients to theirs; pages check the session themselves. */
export default async function ProLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  if (session.account.kind !== "practitioner") redirect("/espace");
  return children;
}
