import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Délégation annulée" };

export default function CancelledPage() {
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title="Délégation annulée" />
      <Alert tone="success">C&apos;est fait : la délégation est annulée et ne donne plus aucun accès à votre espace.</Alert>
    </div>
  );
}
