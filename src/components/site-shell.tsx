import type { ReactNode } from "react";
import { t } from "@/lib/i18n/messages";
import type { HeaderFacts } from "@/server/notifications/header-facts";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** The classes of the page's body: on <body> in the App Router, on the Pages Router's frame. */
export const BODY_CLASS = "flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased";

/**
 * What surrounds every page, in both routers (src/app/layout.tsx; src/pages/_app.tsx for the
 * pages served without JavaScript): the skip link, the header, the main region and the footer.
 */
export function SiteShell({ header, children }: { header: HeaderFacts; children: ReactNode }) {
  return (
    <>
      <a href="#contenu" className="skip-link">
        {t("app.skipLink")}
      </a>
      <SiteHeader displayName={header.displayName} notifications={header.notifications} accountHref={header.accountHref} />
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter professional={header.professional === true} linkHolder={header.linkHolder === true} otherSpace={header.otherSpace === true} />
    </>
  );
}
