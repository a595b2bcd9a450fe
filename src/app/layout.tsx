import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { inter } from "@/components/inter-font";
import { BODY_CLASS, SiteShell } from "@/components/site-shell";
import { t } from "@/lib/i18n/messages";
import { getCurrentSession } from "@/server/auth/current-session";
import { headerFactsOf } from "@/server/notifications/header-facts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: t("app.name"), template: `%s — ${t("app.name")}` },
  description: t("app.tagline"),
  robots: { index: false, follow: false },
  // Keeps the Origin header on our own form posts (see referrerPolicyFor); the pages that
  // show a secret set "no-referrer" in their own metadata.
  referrer: "same-origin",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the session makes every page dynamic, which the per-request CSP nonce needs anyway.
  const header = await headerFactsOf(await getCurrentSession());
  return (
    <html lang="fr" className={inter.variable}>
      <body className={BODY_CLASS}>
        <SiteShell header={header}>{children}</SiteShell>
      </body>
    </html>
  );
}
