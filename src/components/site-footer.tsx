import { t } from "@/lib/i18n/messages";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-6 text-sm text-slate-700">
        <p>{t("app.footerPrivacy")}</p>
        <p>{t("app.footer")}</p>
      </div>
    </footer>
  );
}
