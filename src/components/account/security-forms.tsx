import { Alert } from "@/components/alert";
import { NewPasswordField } from "@/components/account/new-password-field";
import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { PasskeyButton } from "./passkey-button";
import { RecoveryCodeList } from "./recovery-code-list";

/** The password's and the address's fields a refusal can name, each with the words beside it. */
export type AccountField = "currentPassword" | "newPassword" | "passwordCode" | "email" | "emailCode" | "passkeyRemoveCode" | "oidcCode" | "oidcUnlinkCode" | "closeSpaceCode";
export type AccountFieldErrors = Partial<Record<AccountField, string>>;

/**
 * Password, TOTP app, passkeys and recovery codes: plain forms, except creating a passkey (WebAuthn needs scripts).
 * Several of these forms, on the same page, ask for a code: each code field carries its own id,
 * since a label names only the first element with the id it points to (the others had no name).
 */
export function PasswordForm({ errors }: { errors: AccountFieldErrors }) {
  return (
    <section aria-labelledby="password-title" className="flex flex-col gap-3">
      <h2 id="password-title" className="text-xl font-semibold">
        {t("account.passwordTitle")}
      </h2>
      <form method="post" action="/compte/mot-de-passe" className="flex max-w-md flex-col gap-4">
        <TextField name="currentPassword" type="password" label={t("account.currentPassword")} autoComplete="current-password" error={errors.currentPassword} required maxLength={256} />
        <NewPasswordField name="newPassword" label={t("account.newPassword")} intro={t("activation.passwordIntro")} error={errors.newPassword} />
        <TextField name="code" id="password-code" label={t("account.secondFactorCode")} autoComplete="one-time-code" error={errors.passwordCode} required maxLength={16} />
        <div>
          <Button type="submit">{t("account.passwordSubmit")}</Button>
        </div>
      </form>
    </section>
  );
}

/** `pending`: a new secret being set up, with its QR code (made by the page's loader, account-page-data.ts). */
export function TotpSection({ pending }: { pending: { key: string; qr: string; asksCurrentFactor: boolean } | null }) {
  return (
    <section id="totp" aria-labelledby="totp-title" className="flex flex-col gap-3">
      <h2 id="totp-title" className="text-xl font-semibold">
        {t("account.totpTitle")}
      </h2>
      {pending ? (
        <>
          <p>{t("activation.factorIntro")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={pending.qr} alt={t("activation.qrAlt")} width={200} height={200} className="rounded border border-slate-300" />
          <p>
            {t("activation.keyLabel")} : <code className="font-mono text-lg" data-testid="totp-key">{pending.key.match(/.{1,4}/g)!.join(" ")}</code>
          </p>
          <form method="post" action="/compte/totp/confirmer" className="flex max-w-md flex-col gap-4">
            <TextField name="code" id="totp-code" label={t("activation.totpCode")} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
            {pending.asksCurrentFactor ? (
              <TextField name="currentCode" label={t("account.currentFactorCode")} hint={t("account.currentFactorHint")} autoComplete="off" required maxLength={16} />
            ) : (
              <p>{t("account.currentFactorRecent")}</p>
            )}
            <div>
              <Button type="submit">{t("activation.totpSubmit")}</Button>
            </div>
          </form>
        </>
      ) : (
        <form method="post" action="/compte/totp/nouveau">
          <Button type="submit" variant="secondary">
            {t("account.totpReplace")}
          </Button>
        </form>
      )}
    </section>
  );
}

export function PasskeysSection({
  passkeys,
  accountPath,
  nonce,
  library,
  errors,
}: {
  passkeys: readonly { credentialId: string; name: string }[];
  accountPath: string;
  nonce: string | null;
  library: string;
  errors: AccountFieldErrors;
}) {
  return (
    <section id="cles" aria-labelledby="passkeys-title" className="flex flex-col gap-3">
      <h2 id="passkeys-title" className="text-xl font-semibold">
        {t("account.passkeysTitle")}
      </h2>
      {passkeys.length > 0 ? (
        // One form, one code field above the keys: each key's button sends its own id (the submitter's name and value).
        <form method="post" action="/compte/cle/retirer" className="flex max-w-md flex-col gap-4">
          <TextField
            name="code"
            id="passkey-remove-code"
            label={t("account.passkeyRemoveCode")}
            hint={t("account.passkeyRemoveHint")}
            autoComplete="one-time-code"
            error={errors.passkeyRemoveCode}
            maxLength={16}
          />
          <ul className="flex flex-col gap-2">
            {passkeys.map((key) => (
              <li key={key.credentialId} className="flex items-center gap-4">
                <span>{key.name}</span>
                <Button type="submit" variant="quiet" name="credential" value={key.credentialId} aria-label={`${t("account.passkeyRemove")} : ${key.name}`}>
                  {t("account.passkeyRemove")}
                </Button>
              </li>
            ))}
          </ul>
        </form>
      ) : null}
      <PasskeyButton
        mode="register"
        optionsUrl="/compte/cle/options"
        verifyUrl="/compte/cle/enregistrer"
        next={`${accountPath}?ok=cle`}
        label={t("account.passkeyAdd")}
        failed={t("activation.passkeyFailed")}
        unsupported={t("activation.passkeyNeedsScript")}
        nonce={nonce}
        library={library}
        factor={{ fieldId: "passkey-code", missing: t("account.passkeyFactorMissing"), refused: t("account.passkeyFactorRefused") }}
      >
        <TextField name="code" id="passkey-code" label={t("account.secondFactorCode")} hint={t("account.factorCodeHint")} autoComplete="one-time-code" maxLength={16} />
      </PasskeyButton>
    </section>
  );
}

/** From how many codes left (of ten) the section says to create new ones. */
export const RECOVERY_CODES_LOW = 2;

export function RecoverySection({ remaining, fresh }: { remaining: number; fresh: readonly string[] }) {
  return (
    <section aria-labelledby="recovery-title" className="flex flex-col gap-3">
      <h2 id="recovery-title" className="text-xl font-semibold">
        {t("account.recoveryTitle")}
      </h2>
      {fresh.length > 0 ? (
        <>
          {/* The answer to « Créer dix nouveaux codes », far down the page on a phone: the page
              opened at its top with nothing said, the codes out of sight. The notice takes the focus,
              so the browser brings it and the codes into view and a screen reader reads it. */}
          <Alert tone="success">{t("account.recoveryNew")}</Alert>
          <RecoveryCodeList codes={fresh} />
        </>
      ) : (
        <>
          <p>{t("account.recoveryRemaining", { count: remaining })}</p>
          {/* Found walking the account (Jean: « 0 » and nothing more): the codes are what lets a
              person in after a lost phone, so running out is said while there is time to act (the
              line above gives the number).
              A state of the account, not the answer to a form: it does not take the focus. */}
          {remaining === 0 ? <Alert>{t("account.recoveryNone")}</Alert> : remaining <= RECOVERY_CODES_LOW ? <Alert>{t("account.recoveryLow")}</Alert> : null}
        </>
      )}
      <form method="post" action="/compte/codes-secours" className="flex max-w-md flex-col gap-4">
        <TextField name="code" id="recovery-code" label={t("account.secondFactorCode")} hint={t("account.confirmFactor")} autoComplete="one-time-code" required maxLength={16} />
        <div>
          <Button type="submit" variant="secondary">
            {t("account.recoveryRegenerate")}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** `typed`: the new address of a refused request, given back (email-typed.ts); the code never is. */
export function EmailForm({ errors, typed }: { errors: AccountFieldErrors; typed: string | null }) {
  return (
    <section aria-labelledby="email-title" className="flex flex-col gap-3">
      <h2 id="email-title" className="text-xl font-semibold">
        {t("account.emailTitle")}
      </h2>
      <form method="post" action="/compte/adresse" className="flex max-w-md flex-col gap-4">
        <TextField name="email" type="email" label={t("account.emailNew")} autoComplete="email" error={errors.email} required maxLength={254} defaultValue={typed ?? undefined} />
        <TextField name="code" id="email-code" label={t("account.secondFactorCode")} autoComplete="one-time-code" error={errors.emailCode} required maxLength={16} />
        <div>
          <Button type="submit" variant="secondary">
            {t("account.emailSubmit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
