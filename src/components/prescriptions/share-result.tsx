import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { ShareResult } from "@/server/sharing/share-result-cookie";
import { CopyLinkButton } from "./copy-link-button";

/**
 * The QR code (an SVG drawn on the server, as a data: image with its text alternative), the link
 * to copy and the passcode. `reader`: the patient, or someone acting for her, whose pharmacy is
 * hers, not their own (voice.ts).
 */
export function ShareResultView({ result, qrCode, nonce, reader }: { result: ShareResult; qrCode: string; nonce: string | null; reader: Reader }) {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start gap-6">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server, nothing to optimise */}
        <img src={qrCode} alt={t("share.qrAlt")} width={256} height={256} className="rounded-md border border-slate-300 bg-white" data-testid="share-qr" />
        {result.passcode ? (
          <section aria-labelledby="passcode-title" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="passcode-title" className="text-lg font-semibold">
              {t("share.passcodeTitle")}
            </h2>
            <p className="font-mono text-3xl font-bold tracking-widest" data-testid="share-passcode">
              {result.passcode}
            </p>
            <p className="max-w-prose text-slate-700">{t("share.passcodeHint")}</p>
          </section>
        ) : (
          <p className="max-w-prose font-semibold text-red-900">{t("share.noPasscode")}</p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="share-url" className="font-semibold">
          {t("share.linkLabel")}
        </label>
        <p id="share-url-hint" className="text-sm text-slate-700">
          {tv("share.linkHint", reader)}
        </p>
        <input id="share-url" readOnly value={result.url} aria-describedby="share-url-hint" className="w-full rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-sm" />
        <CopyLinkButton inputId="share-url" labels={{ copy: t("share.copy"), copied: t("share.copied"), copyFailed: t("share.copyFailed") }} nonce={nonce} />
      </div>
      <p>{t("share.expiresAt", { date: formatDay(result.expiresAt) })}</p>
    </div>
  );
}
