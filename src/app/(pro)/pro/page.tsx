import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { requireSession } from "@/server/auth/current-session";
import { requestContext } from "@/server/auth/request-context";
import { actorForSession } from "@/server/auth/actor-for-session";
import { createRepository } from "@/server/fhir/repository";
import { listAuthorisingPatients } from "@/server/practitioners/list-authorising-patients";

export const metadata: Metadata = { title: t("proHome.title") };

/** The professional's home: the patients who authorised them, read through the repository. */
export default async function ProHomePage() {
  const session = await requireSession();
  // Layout and page render concurrently: the page cannot count on the layout's redirect.
  if (session.account.kind !== "practitioner") redirect("/espace");
  const actor = await actorForSession(session);
  if (!actor || actor.kind !== "practitioner") throw new Error("Compte professionnel sans ressource FHIR valide");
  const patients = await listAuthorisingPatients(await createRepository(actor, await requestContext(session)));
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("proHome.greeting", { name: session.account.displayName })} />
      <section aria-labelledby="patients-title" className="flex flex-col gap-4">
        <h2 id="patients-title" className="text-xl font-semibold">
          {t("proHome.patientsTitle")}
        </h2>
        {patients.length === 0 ? (
          <p className="text-slate-700">{t("proHome.noPatients")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {patients.map((patient) => (
              <li key={patient.patientId} className="rounded-lg border border-slate-300 bg-white px-4 py-3">
                <p className="font-semibold">
                  <Link href={`/pro/patients/${patient.patientId}`}>{patient.name}</Link>
                </p>
                <p className="text-sm text-slate-700">
                  {patient.lastDay ? t("proHome.until", { date: formatDay(patient.lastDay) }) : t("proHome.standing")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link href="/pro/urgence" className="font-semibold">
          {t("pro.emergencyLink")}
        </Link>
      </p>
    </div>
  );
}
