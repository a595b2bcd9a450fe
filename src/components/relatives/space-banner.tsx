import { Button } from "@/components/button";
import { rightsInWords } from "@/lib/delegations/rights";
import { SwitchSpaceForm } from "./switch-space-form";

/**
 * On every page of another person's space: whose space it is, with which rights (worded for the
 * caregiver who holds them: « voir ses documents »), and one click back to one's own. A plain form: works without JavaScript.
 */
export function SpaceBanner({ name, kind, scopes, selfPatientId }: { name: string; kind: "guardian" | "delegate"; scopes: Iterable<string>; selfPatientId: string }) {
  return (
    <section aria-label="Espace d'une autre personne" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
      <p>
        <strong>Vous êtes dans l&apos;espace de {name}</strong>{" "}
        {/* Worded without the guardian's gender, which the banner does not read (relative-lists.tsx's neutral form). */}
        {kind === "guardian" ? ": vous exercez sa représentation légale." : <>avec ces droits : {rightsInWords(scopes, "theirs")}.</>}
      </p>
      <SwitchSpaceForm patientId={selfPatientId}>
        <Button type="submit" variant="secondary">Revenir à mon espace</Button>
      </SwitchSpaceForm>
    </section>
  );
}
