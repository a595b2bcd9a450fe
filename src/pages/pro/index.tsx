import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { PageLinks } from "@/components/page-links";
import { PatientSearchForm } from "@/components/pro/patient-search-form";
import { lastDayCovered } from "@/lib/dates/last-day-covered";
import { formatDay, formatShortDay, formatTime } from "@/lib/documents/format";
import { t, tn } from "@/lib/i18n/messages";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { mayBreakGlass } from "@/server/emergency/may-break-glass";
import { EndEmergencyForm } from "@/components/pro/end-emergency-form";
import { practitionerUnreadTotal } from "@/server/messages/list-conversations";
import { listAuthorisingPatients, type PatientListPage } from "@/server/practitioners/list-authorising-patients";
import { MAX_PATIENT_SEARCH_LENGTH } from "@/lib/practitioners/patient-search-length";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/**
 * `emergency`: whether to offer the break-glass page (only to a role that allows it: may-break-glass.ts).
 * `unread`: the messages the professional has yet to read, as their inbox counts them.
 * `search`: what the professional typed to find a patient ("" for the whole list).
 * `emergencyOpen`: the record this session opened by emergency access, while it lasts (null: none).
 */
type Data = { displayName: string; list: PatientListPage; emergency: boolean; unread: number; search: string; emergencyOpen: { patientId: string; until: Date } | null };

export const getServerSideProps = framedPage<Data>("practitioner", async ({ session, actor, repo }, { query }) => {
  if (actor.kind !== "practitioner") throw new Error("Compte professionnel sans ressource FHIR valide");
  const requested = Number(query.page);
  const search = typeof query.q === "string" ? query.q.trim().slice(0, MAX_PATIENT_SEARCH_LENGTH) : "";
  const [list, emergency, unread] = await Promise.all([listAuthorisingPatients(repo, Number.isInteger(requested) ? requested : 1, search), mayBreakGlass(repo), practitionerUnreadTotal(repo)]);
  // The session's own emergency (check-session.ts keeps it only while it lasts): the patient is no
  // one who authorises her, so nothing else on this page leads back to that record. Only its id:
  // reading the name would add a row to the patient's trail at each visit of this page.
  const emergencyOpen = session.emergency ? { patientId: session.emergency.patientId, until: session.emergency.until } : null;
  return { title: t("proHome.title"), data: { displayName: session.account.displayName, list, emergency, unread, search, emergencyOpen } };
});

/**
 * The professional's home: the patients who authorise them now (level, end date, a link to the
 * record), fifty a page, then how many others' access ended, unnamed. A search
 * by name or birth date narrows it: a doctor with hundreds of patients, on a phone, paged
 * through fifty at a time to find one. Each patient's birth date tells namesakes apart.
 */
export default function ProHomePage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("proHome.greeting", { name: data.displayName })}>
        <p>
          <a href="/pro/messages" className="font-semibold">
            {t("messaging.proTitle")}
          </a>
        </p>
        {data.unread > 0 ? (
          <p>
            <a href="/pro/messages">{tn("messaging.proHomeUnread", data.unread)}</a>
          </p>
        ) : null}
      </PageHeader>
      {data.emergencyOpen ? (
        // Found walking the emergency physician's journey: once she left the record (« Retour à mes
        // patients », the messages), only typing the form again led back, opening a second access
        // and sending the patient a second urgent notice.
        <section aria-labelledby="emergency-open-title" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white px-4 py-3">
          <h2 id="emergency-open-title" className="text-xl font-semibold">
            {t("proHome.emergencyOpenTitle")}
          </h2>
          <p>{t("proHome.emergencyOpen", { time: formatTime(data.emergencyOpen.until) })}</p>
          <p>
            <a href={`/pro/patients/${data.emergencyOpen.patientId}`} className="font-semibold">
              {t("proHome.emergencyOpenLink")}
            </a>
          </p>
          <EndEmergencyForm />
        </section>
      ) : null}
      <section aria-labelledby="patients-title" className="flex flex-col gap-4">
        <h2 id="patients-title" className="text-xl font-semibold">
          {t("proHome.patientsTitle")}
        </h2>
        {data.search || data.list.total > 0 ? <PatientSearchForm search={data.search} maxLength={MAX_PATIENT_SEARCH_LENGTH} /> : null}
        {data.list.total === 0 ? (
          <p className="text-slate-700">{data.search ? t("proHome.noMatch", { search: data.search }) : t(data.list.ended > 0 ? "proHome.noCurrentPatients" : "proHome.noPatients")}</p>
        ) : (
          <p className="text-slate-700">{data.search ? tn("proHome.found", data.list.total, { search: data.search }) : tn("proPatients.countAll", data.list.total)}</p>
        )}
        {data.list.total > 0 ? (
          <>
            <ul className="flex flex-col gap-3">
              {data.list.patients.map((patient) => (
                <li key={patient.patientId} className="rounded-lg border border-slate-300 bg-white px-4 py-3">
                  <p className="font-semibold">
                    <a href={`/pro/patients/${patient.patientId}`}>{patient.name}</a>
                  </p>
                  <BirthDate birthDate={patient.birthDate} />
                  <p className="text-sm text-slate-700">
                    {t(patient.access.restricted ? "proPatients.levelR" : "proPatients.levelN")},{" "}
                    {patient.access.until ? t("proHome.until", { date: formatDay(lastDayCovered(patient.access.until)) }) : t("proHome.standing")}
                  </p>
                </li>
              ))}
            </ul>
            <PageLinks
              page={data.list.page}
              pages={data.list.pages}
              hrefFor={(page) => (data.search ? `/pro?q=${encodeURIComponent(data.search)}&page=${page}` : `/pro?page=${page}`)}
              labels={{ nav: t("proPatients.pagination"), previous: t("proPatients.previous"), next: t("proPatients.next"), pageOf: t("proPatients.pageOf", { page: data.list.page, pages: data.list.pages }) }}
            />
          </>
        ) : null}
        {/* Counted, never named (practitioner-patients.ts); not under a search, which looks only through those listed. */}
        {!data.search && data.list.ended > 0 ? <p className="text-slate-700">{tn("proPatients.ended", data.list.ended)}</p> : null}
      </section>
      {data.emergency ? (
        <p>
          <a href="/pro/urgence" className="font-semibold">
            {t("pro.emergencyLink")}
          </a>
        </p>
      ) : null}
    </div>
  );
}

function BirthDate({ birthDate }: { birthDate?: string }) {
  return birthDate ? <p className="text-sm text-slate-700">{t("proHome.birthDate", { date: formatShortDay(birthDate) })}</p> : null;
}
