import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Annuler une délégation" };

export default function InvalidCancelPage() {
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title="Annuler une délégation" />
      <Alert tone="error">Ce lien d&apos;annulation n&apos;est pas valable ou a déjà servi : rien n&apos;a changé.</Alert>
    </div>
  );
}
