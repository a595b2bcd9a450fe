import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { LinkKeyField } from "./link-key-field";

/**
 * The pharmacist's first page: passcode and pharmacy name, posted with the link's key in the body.
 * The passcode field only for a link that has one: the patient gave no code for the others.
 * `errorField`: the field the refusal names (a wrong or malformed passcode, a pharmacy's name
 * too short): that field says so itself and takes the focus (its refusal read with it,
 * aria-invalid), as the sign-in's code step does.
 */
export function OpenLinkForm({
  linkId,
  passcode,
  error,
  errorField,
  nonce,
}: {
  linkId: string;
  passcode: boolean;
  error?: string;
  errorField?: "code" | "pharmacie";
  nonce: string | null;
}) {
  const codeError = passcode && errorField === "code" ? error : undefined;
  const pharmacyError = errorField === "pharmacie" ? error : undefined;
  const fieldError = codeError ?? pharmacyError;
  return (
    <div className="flex max-w-prose flex-col gap-6">
      {error ? (
        <Alert tone="error" takesFocus={fieldError === undefined}>
          {error}
        </Alert>
      ) : null}
      <noscript>
        <p className="font-semibold text-red-900">{t("pharmacist.noScript")}</p>
      </noscript>
      {/* Hidden until the link's key is read (link-key-behaviour.ts shows it): without scripts it
          could only be refused, with « La clé du lien est absente de l'adresse » said of the very
          link the pharmacist opened; the noscript sentence above says what to do instead. */}
      <form method="post" action={`/p/${linkId}/ouvrir`} className="flex flex-col gap-4" hidden>
        <LinkKeyField linkId={linkId} missingKeyMessage={t("pharmacist.missingKey")} nonce={nonce} />
        {passcode ? (
          <TextField name="code" label={t("pharmacist.passcode")} hint={t("pharmacist.passcodeHint")} inputMode="numeric" pattern="[0-9]{6}" maxLength={6} autoComplete="off" error={codeError} autoFocus={codeError !== undefined} required />
        ) : null}
        <TextField
          name="pharmacie"
          label={t("pharmacist.pharmacy")}
          hint={t("pharmacist.pharmacyHint")}
          required
          minLength={2}
          maxLength={120}
          autoComplete="organization"
          error={pharmacyError}
          autoFocus={pharmacyError !== undefined}
        />
        <div>
          <Button type="submit">{t("pharmacist.submit")}</Button>
        </div>
      </form>
    </div>
  );
}
