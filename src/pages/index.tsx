import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { homePageProps } from "@/server/auth/home-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/**
 * Served without runtime JavaScript, as the sign-in page is: the portal's first page, text and
 * one link, on whatever phone and line a person has.
 */
export const config = { unstable_runtimeJS: false };

/** Signed-in people go to their own space (home-page-props.ts). */
export const getServerSideProps = homePageProps;

/** The welcome and the sign-in link, for everyone not signed in. */
export default function HomePage(_props: FramedProps<null>) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("welcome.title")} description={t("welcome.intro")} />
      <p className="text-slate-700">{t("welcome.forProfessionals")}</p>
      <div>
        <ButtonLink href="/connexion">{t("welcome.signInLink")}</ButtonLink>
      </div>
    </div>
  );
}
