import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { t } from "@/lib/i18n/messages";
import { getCurrentSession } from "@/server/auth/current-session";
import { unreadCount } from "@/server/notifications/unread-count";
import "./globals.css";

// Inter from the npm package, served by the app itself: no font is fetched from the internet.
const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

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
  const session = await getCurrentSession();
  const notifications = session
    ? { href: session.account.kind === "practitioner" ? "/pro/notifications" : "/espace/notifications", unread: await unreadCount(session) }
    : undefined;
  return (
    <html lang="fr" className={inter.variable}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#contenu" className="skip-link">
          {t("app.skipLink")}
        </a>
        <SiteHeader
          displayName={session?.account.displayName}
          notifications={notifications}
          accountHref={session ? (session.account.kind === "practitioner" ? "/pro/compte" : "/espace/compte") : undefined}
        />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
