import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { EmergencyNotice } from "@/components/documents/emergency-notice";
import { PATIENT_SECTIONS } from "@/components/home/patient-sections";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { SwitchSpaceForm } from "@/components/relatives/switch-space-form";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import type { Space } from "@/server/auth/list-spaces";
import { patientHomeData, type PatientHomeData } from "@/server/home/patient-home-data";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<PatientHomeData>("patient", async (scope) => ({
  title: t("patientHome.title"),
  data: await patientHomeData(scope),
}));

function spaceLabel(space: Space): string {
  if (space.kind === "self") return t("patientHome.ownSpace");
  return t(space.kind === "guardian" ? "patientHome.guardianSpace" : "patientHome.delegateSpace", { name: space.name });
}

/**
 * The patient's home: their name, whose space they act in, the sections of that space, and
 * the other spaces they may open (a dependant's, a patient who delegated to them).
 */
export default function PatientHomePage({ frame, data }: FramedProps<PatientHomeData>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  const current = data.spaces.find((space) => space.current);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("patientHome.greeting", { name: data.displayName })}>
        {current && current.kind !== "self" ? <Alert tone="info">{t("patientHome.actingFor", { name: current.name })}</Alert> : null}
      </PageHeader>
      <EmergencyNotice notices={data.notices} reader={reader} />

      <section aria-labelledby="sections-title" className="flex flex-col gap-4">
        <h2 id="sections-title" className="text-xl font-semibold">
          {t("patientHome.sectionsTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {PATIENT_SECTIONS.filter((section) => !section.part || !data.outOfReach.includes(section.part)).map((section) => (
            <li key={section.href}>
              <Card title={t(section.title)} href={section.href} headingLevel={3}>
                <p>{"voiced" in section.description ? tv(section.description.voiced, reader) : t(section.description.said)}</p>
              </Card>
            </li>
          ))}
          {data.guardian ? (
            <li>
              <Card title={t("patientHome.growthTitle")} href="/espace/carnet-enfant" headingLevel={3}>
                <p>{t("patientHome.growthDescription")}</p>
              </Card>
            </li>
          ) : null}
        </ul>
      </section>

      {data.spaces.length > 1 ? (
        <section aria-labelledby="spaces-title" className="flex flex-col gap-4">
          <h2 id="spaces-title" className="text-xl font-semibold">
            {t("patientHome.spacesTitle")}
          </h2>
          <ul className="flex flex-col gap-3">
            {data.spaces.map((space) => (
              <li
                key={space.patientId}
                aria-current={space.current ? "true" : undefined}
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3"
              >
                <span id={`space-${space.patientId}`} className="font-semibold">
                  {spaceLabel(space)}
                </span>
                {space.current ? (
                  <span className="text-sm text-slate-700">{t("patientHome.current")}</span>
                ) : (
                  <SwitchSpaceForm patientId={space.patientId}>
                    {/* The person's name inside the button, for screen readers: a list of buttons (a
                        screen reader's rotor) read « Ouvrir cet espace » three times. */}
                    <Button type="submit" variant="secondary">
                      {t("patientHome.open")}
                      <span className="sr-only">{t("patientHome.openWhose", { name: space.kind === "self" ? t("patientHome.ownSpace") : space.name })}</span>
                    </Button>
                  </SwitchSpaceForm>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
