import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { PageLinks } from "@/components/page-links";
import { t } from "@/lib/i18n/messages";
import { requireSession } from "@/server/auth/current-session";
import { requestContext } from "@/server/auth/request-context";
import { actorForSession } from "@/server/auth/actor-for-session";
import { createRepository } from "@/server/fhir/repository";
import { listAuthorisingPatients } from "@/server/practitioners/list-authorising-patients";

export const metadata: Metadata = { title: t("proHome.title") };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/**
 * The professional's home: the patients who authorise them now (level, end date, a link to the
 * record), then those whose access ended ("accès retiré", no link), fifty a page.
 */
export default async function ProHomePage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const session = await requireSession();
  // Layout and page render concurrently: the page cannot count on the layout's redirect.
  if (session.account.kind !== "practitioner") redirect("/espace");
  const actor = await actorForSession(session);
  if (!actor || actor.kind !== "practitioner") throw new Error("Compte professionnel sans ressource FHIR valide");
  const requested = Number((await searchParams).page);
  const list = await listAuthorisingPatients(await createRepository(actor, await requestContext(session)), Number.isInteger(requested) ? requested : 1);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("proHome.greeting", { name: session.account.displayName })}>
        <p>
          <Link href="/pro/messages" className="font-semibold">
            {t("messaging.proTitle")}
          </Link>
        </p>
      </PageHeader>
      <section aria-labelledby="patients-title" className="flex flex-col gap-4">
        <h2 id="patients-title" className="text-xl font-semibold">
          {t("proHome.patientsTitle")}
        </h2>
        {list.total === 0 ? (
          <p className="text-slate-700">{t("proHome.noPatients")}</p>
        ) : (
          <>
            <p className="text-slate-700">{t("proPatients.count", { current: list.current, total: list.total })}</p>
            <ul className="flex flex-col gap-3">
              {list.patients.map((patient) => (
                <li key={patient.patientId} className="rounded-lg border border-slate-300 bg-white px-4 py-3">
                  {patient.access ? (
                    <>
                      <p className="font-semibold">
                        <Link href={`/pro/patients/${patient.patientId}`}>{patient.name}</Link>
                      </p>
                      <p className="text-sm text-slate-700">
                        {t(patient.access.restricted ? "proPatients.levelR" : "proPatients.levelN")},{" "}
                        {patient.access.until ? t("proHome.until", { date: dateFormat.format(patient.access.until) }) : t("proHome.standing")}
                      </p>
                    </>
                  ) : (
                    <>
                      <p className="font-semibold">{patient.name}</p>
                      <p className="text-sm text-slate-700">{t("proPatients.ended")}</p>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <PageLinks
              page={list.page}
              pages={list.pages}
              hrefFor={(page) => `/pro?page=${page}`}
              labels={{ nav: t("proPatients.pagination"), previous: t("proPatients.previous"), next: t("proPatients.next"), pageOf: t("proPatients.pageOf", { page: list.page, pages: list.pages }) }}
            />
          </>
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
