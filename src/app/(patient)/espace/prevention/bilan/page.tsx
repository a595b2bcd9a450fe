import type { Metadata } from "next";
import Link from "next/link";
import type { Patient, QuestionnaireResponse } from "@medplum/fhirtypes";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { BilanForm } from "@/components/prevention/bilan-form";
import { NOTICES } from "@/components/prevention/texts";
import { formatDateTime } from "@/lib/documents/format";
import { NOTICE_CODES, type PreventionNotice } from "@/lib/prevention/forms";
import { spaceOf } from "@/server/access/actor";
import { requirePageScope } from "@/server/documents/request-repository";
import { bilanBandOf } from "@/server/prevention/bilan/band-of";
import { BILAN_SOURCE, questionsOf } from "@/server/prevention/bilan/questionnaires";
import { todayInParis } from "@/server/prevention/days";

export const metadata: Metadata = { title: "Mon bilan prévention" };

/**
 * "Mon bilan prévention" (issue 14): the self-questionnaire of the person's age band, to prepare
 * the check-up, stored in their record; and the questionnaires already filled in.
 */
export default async function BilanPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, repo } = await requirePageScope();
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  const patient = await repo.read<Patient>("Patient", patientId);
  const band = patient.birthDate ? bilanBandOf(patient.birthDate, todayInParis(repo.now())) : undefined;
  const previous = await repo.search<QuestionnaireResponse>("QuestionnaireResponse", { patientId, count: 10, sort: "-date" });
  const message = (await searchParams).message;
  const notice = typeof message === "string" && (NOTICE_CODES as readonly string[]).includes(message) ? NOTICES[message as PreventionNotice] : undefined;
  const canWrite = actor.kind === "patient" || actor.kind === "guardian";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Mon bilan prévention"
        description="Aux âges clés (18–25 ans, 45–50 ans, 60–65 ans, 70–75 ans), un bilan avec un professionnel de santé, pris en charge par l'Assurance Maladie. Ce questionnaire vous aide à le préparer."
      />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {band ? (
        <section aria-labelledby="questionnaire" className="flex flex-col gap-4">
          <h2 id="questionnaire" className="text-xl font-semibold">
            Questionnaire des {band.replace("-", " à ")} ans
          </h2>
          <p>
            Répondez à ce que vous voulez : toutes les questions sont facultatives. Sans votre accord, vos réponses restent visibles de vous seul.
          </p>
          {canWrite ? <BilanForm questions={questionsOf(band)} /> : <p>Vos droits sur cet espace ne permettent pas de remplir ce questionnaire.</p>}
        </section>
      ) : (
        <p>Vous n&apos;êtes pas dans l&apos;une des tranches d&apos;âge du bilan prévention aujourd&apos;hui : le questionnaire vous sera proposé le moment venu.</p>
      )}
      <section aria-labelledby="deja-remplis" className="flex flex-col gap-2">
        <h2 id="deja-remplis" className="text-xl font-semibold">
          Questionnaires déjà remplis
        </h2>
        {previous.resources.length === 0 ? (
          <p>Aucun pour le moment.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {previous.resources.map((response) => (
              <li key={response.id}>
                Le {response.authored ? formatDateTime(new Date(response.authored)) : "?"} :{" "}
                {response.meta?.security?.some((label) => label.code === "V") ? "visible de vous seul" : "partagé avec les professionnels que vous avez autorisés"} ({response.item?.length ?? 0} réponses)
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm text-slate-700">
        Questions adaptées de : {BILAN_SOURCE.document} ({BILAN_SOURCE.edition}),{" "}
        <a href={BILAN_SOURCE.url} className="underline underline-offset-4">
          {BILAN_SOURCE.url}
        </a>
        .
      </p>
      <p>
        <Link href="/espace/prevention" className="font-semibold">
          ← Retour à la prévention
        </Link>
      </p>
    </div>
  );
}
