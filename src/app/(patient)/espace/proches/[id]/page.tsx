import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { lastDayOf } from "@/components/relatives/relative-lists";
import { relativesNotice } from "@/components/relatives/relatives-notice";
import { RightsFieldset } from "@/components/relatives/rights-fieldset";
import { TextField } from "@/components/text-field";
import { parisDayOf } from "@/lib/dates/paris-day";
import { formatHumanName } from "@/lib/fhir/human-name";
import { rightsInWords } from "@/lib/delegations/rights";
import { endDayBounds } from "@/server/delegations/invitation-state";
import { caregiverDelegation } from "@/server/delegations/managed-space";
import { requirePageScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";
import { isUuid } from "@/server/fhir/ids";

export const metadata: Metadata = { title: "Modifier une délégation" };

/** One caregiver's delegation: change the rights or last day, renew, or revoke now. */
export default async function RelativePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { repo } = await requirePageScope();
  const found = await caregiverDelegation(repo, id).catch((error: unknown) => {
    if (error instanceof FhirError && error.status === 422) return "guardian" as const;
    if (error instanceof FhirError && (error.status === 403 || error.status === 404)) notFound();
    throw error;
  });
  const { message } = await searchParams;
  const notice = relativesNotice(Array.isArray(message) ? message[0] : message);
  if (found === "guardian") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title="Représentant légal" />
        <Alert tone="info">Un représentant légal ne se retire ni ne se modifie ici : c&apos;est une décision de justice.</Alert>
      </div>
    );
  }
  const { person, delegation } = found;
  const name = formatHumanName(person.name) ?? "Proche";
  const bounds = endDayBounds(repo.now());
  const current = delegation.end ? parisDayOf(new Date(delegation.end.getTime() - 1)) : bounds.byDefault;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={`Délégation de ${name}`} description={`Droits actuels : ${rightsInWords(delegation.scopes)}. Jusqu'au ${lastDayOf(delegation.end)} inclus.`} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {!delegation.active ? <Alert tone="info">Cette délégation est terminée.</Alert> : (
        <>
          <section aria-labelledby="modifier" className="flex flex-col gap-3">
            <h2 id="modifier" className="text-xl font-semibold">Modifier les droits ou la date</h2>
            <p>Retirer des droits ou avancer la fin s&apos;applique tout de suite. En ajouter ou prolonger relance la pause de 24 heures, sauf si vous confirmez vous-même.</p>
            <form method="post" action={`/api/proches/${id}/modifier`} className="flex max-w-xl flex-col gap-4">
              <RightsFieldset checked={delegation.scopes} idPrefix="modifier" />
              <TextField name="fin" type="date" label="Dernier jour de la délégation" hint="Inclus. Trois ans au plus." defaultValue={current < bounds.earliest ? bounds.byDefault : current} min={bounds.earliest} max={bounds.latest} required />
              <div><Button type="submit">Enregistrer</Button></div>
            </form>
          </section>
          <section aria-labelledby="renouveler" className="flex flex-col gap-3">
            <h2 id="renouveler" className="text-xl font-semibold">Renouveler</h2>
            <form method="post" action={`/api/proches/${id}/renouveler`}>
              <Button type="submit" variant="secondary">Prolonger d&apos;un an à partir d&apos;aujourd&apos;hui</Button>
            </form>
          </section>
          <section aria-labelledby="retirer" className="flex flex-col gap-3">
            <h2 id="retirer" className="text-xl font-semibold">Retirer la délégation</h2>
            <p>La personne ne pourra plus rien faire dans votre espace dès sa prochaine action. Elle sera prévenue.</p>
            <form method="post" action={`/api/proches/${id}/retirer`}>
              <Button type="submit" variant="secondary">Retirer maintenant</Button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
