import { t } from "@/lib/i18n/messages";

/**
 * Who is told where consultations are recorded: the patient of their own data, a professional of
 * the patients', a pharmacist holding a link of that prescription's patient (who has no history),
 * someone acting in another person's space of that person's (the frame of an App Router page has
 * no name to give, so the sentence names none).
 */
export function SiteFooter({ professional, linkHolder = false, otherSpace = false }: { professional: boolean; linkHolder?: boolean; otherSpace?: boolean }) {
  const privacy = linkHolder ? "app.footerPrivacyLink" : professional ? "app.footerPrivacyPro" : otherSpace ? "app.footerPrivacyOtherSpace" : "app.footerPrivacy";
  return (
    <footer className="mt-12 border-t border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-6 text-sm text-slate-700">
        <p>{t(privacy)}</p>
        <p>{t("app.footer")}</p>
      </div>
    </footer>
  );
}
