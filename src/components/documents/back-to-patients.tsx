import { t } from "@/lib/i18n/messages";

/** « ← Retour à mes patients », above each tab of a patient's record as a professional sees it. */
export function BackToPatients() {
  return (
    <p>
      <a href="/pro" className="font-semibold">
        ← {t("pro.backToPatients")}
      </a>
    </p>
  );
}
