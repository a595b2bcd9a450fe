import { ActivationExpired } from "@/components/account/activation-expired";
import { PasskeyButton } from "@/components/account/passkey-button";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { secondFactorProps, type SecondFactorData } from "@/server/accounts/activation-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/**
 * Served without runtime JavaScript, as « Mon compte » is: creating a passkey, the one thing here
 * that needs scripts, is an inline script with SimpleWebAuthn's browser file (passkey-button.tsx).
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = secondFactorProps;

/**
 * Activation: the second factor. TOTP works without JavaScript (a QR code as an image, the key
 * as text, a plain form for the first code); a passkey needs the browser's WebAuthn API, so its
 * button only appears where scripts run.
 */
export default function SecondFactorEnrolPage({ frame, data }: FramedProps<SecondFactorData>) {
  if (!data || data.expired) return <ActivationExpired signedIn={data?.signedIn ?? false} />;
  const error = data.failed ? t("activation.totpFailed") : undefined;
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("activation.factorTitle")} description={t("activation.factorIntro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, no optimisation to do */}
      <img src={data.qr} alt={t("activation.qrAlt")} width={220} height={220} className="rounded border border-slate-300" />
      <p>
        {t("activation.keyLabel")} : <code className="font-mono text-lg" data-testid="totp-key">{data.key}</code>
      </p>
      <form method="post" action="/activer/etape/totp" className="flex flex-col gap-5">
        <TextField name="code" label={t("activation.totpCode")} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required error={error} />
        <div>
          <Button type="submit">{t("activation.totpSubmit")}</Button>
        </div>
      </form>
      <section aria-labelledby="passkey-title" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="passkey-title" className="text-lg font-semibold">
          {t("activation.passkeyTitle")}
        </h2>
        <p>{t("activation.passkeyIntro")}</p>
        <PasskeyButton
          mode="register"
          optionsUrl="/activer/cle/options"
          verifyUrl="/activer/cle/enregistrer"
          next="/activer/codes-secours"
          label={t("activation.passkeyButton")}
          failed={t("activation.passkeyFailed")}
          unsupported={t("activation.passkeyNeedsScript")}
          nonce={frame.nonce}
          library={data.passkeyLibrary}
        />
      </section>
    </div>
  );
}
