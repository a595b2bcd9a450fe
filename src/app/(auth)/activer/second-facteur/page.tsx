import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { currentActivation } from "@/server/accounts/activation-session";
import { otpauthUri } from "@/server/auth/totp-uri";
import { webauthnLibraryUrl } from "@/server/webauthn/browser-library";
import { ActivationExpired } from "../activation-expired";
import { PasskeyButton } from "@/components/account/passkey-button";

export const metadata: Metadata = { title: t("activation.factorTitle") };

/**
 * Activation: the second factor. TOTP works without JavaScript (a QR code as an image, the key
 * as text, a plain form for the first code); a passkey needs the browser's WebAuthn API, so its
 * button only appears where scripts run.
 */
export default async function SecondFactorEnrolPage({ searchParams }: { searchParams: Promise<{ erreur?: string | string[] }> }) {
  const activation = await currentActivation(new Date());
  if (!activation) return <ActivationExpired />;
  const { account } = activation;
  if (!account.hasPassword || !account.pendingTotpSecret) {
    if (account.hasTotp) redirect("/activer/codes-secours");
    redirect("/activer/mot-de-passe");
  }
  const { erreur } = await searchParams;
  const error = erreur ? t("activation.totpFailed") : undefined;
  const uri = otpauthUri(account.pendingTotpSecret, account.email);
  const qr = await QRCode.toDataURL(uri, { margin: 1, width: 220 });
  const grouped = account.pendingTotpSecret.match(/.{1,4}/g)!.join(" ");
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("activation.factorTitle")} description={t("activation.factorIntro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, no optimisation to do */}
      <img src={qr} alt={t("activation.qrAlt")} width={220} height={220} className="rounded border border-slate-300" />
      <p>
        {t("activation.keyLabel")} : <code className="font-mono text-lg" data-testid="totp-key">{grouped}</code>
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
          nonce={(await headers()).get("x-nonce")}
          library={webauthnLibraryUrl()}
        />
      </section>
    </div>
  );
}
