import type { Metadata } from "next";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { requireSession } from "@/server/auth/current-session";
import { actorForSession } from "@/server/auth/require-actor";
import { PATIENT_SECTIONS } from "./sections";

export const metadata: Metadata = { title: t("patientHome.title") };

/** The patient's home: who they are, whose space they act in, and the sections of that space. */
export default async function PatientHomePage() {
  const session = await requireSession();
  const actor = await actorForSession(session);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("patientHome.greeting", { name: session.account.displayName })} />
      <section aria-labelledby="sections-title" className="flex flex-col gap-4">
        <h2 id="sections-title" className="text-xl font-semibold">
          {t("patientHome.sectionsTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {PATIENT_SECTIONS.map((section) => (
            <li key={section.href}>
              <Card title={t(section.title)} href={section.href} headingLevel={3}>
                <p>{t(section.description)}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      {actor?.kind}
    </div>
  );
}
