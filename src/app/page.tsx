import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { getCurrentSession } from "@/server/auth/current-session";

/** Signed-in people go to their own space; everyone else gets the welcome and the sign-in link. */
export default async function HomePage() {
  const session = await getCurrentSession();
  if (session) redirect(session.account.kind === "practitioner" ? "/pro" : "/espace");
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
