import type { AppProps } from "next/app";
import Head from "next/head";
import { inter } from "@/components/inter-font";
import { FramedPageBody } from "@/components/framed-page-body";
import { BODY_CLASS, SiteShell } from "@/components/site-shell";
import { t } from "@/lib/i18n/messages";
import type { FramedProps } from "@/server/pages/framed-page";
import "../app/globals.css";

/**
 * The frame of the Pages Router's pages: what the App Router's root layout (src/app/layout.tsx)
 * and the patient's space layout render, the same components, from the page's props (the page's
 * getServerSideProps read the session, the header's count and the space's banner). No referrer
 * meta: the Referrer-Policy header of every page (security-headers.ts, by path: none at all on the
 * pharmacist's pages) is the one rule, which a meta tag would override.
 */
export default function PortalApp({ Component, pageProps }: AppProps<Partial<FramedProps<unknown>>>) {
  const { frame, title } = pageProps;
  const pageTitle = title ? titleNamingThePerson(title, frame?.banner?.name) : undefined;
  return (
    <>
      <Head>
        <title>{pageTitle ? `${pageTitle} — ${t("app.name")}` : t("app.name")}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t("app.tagline")} />
        <meta name="robots" content="noindex, nofollow" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <div className={`${inter.variable} ${BODY_CLASS}`}>
        <SiteShell header={frame?.header ?? {}}>
          <FramedPageBody frame={frame} page={Component} props={pageProps} />
        </SiteShell>
      </div>
    </>
  );
}

/**
 * In another person's space (the banner's name), the tab and the window list say whose space the
 * page is of, as its banner does: a caregiver with her own space and Léo's open side by side, or a
 * screen reader's list of windows, otherwise reads « Mon espace » or « Carnet de vaccination » twice.
 */
function titleNamingThePerson(title: string, person: string | undefined): string {
  return person && !title.includes(person) ? t("app.titleInSpace", { title, person }) : title;
}
