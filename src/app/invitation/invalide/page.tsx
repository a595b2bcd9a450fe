import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Invitation d'un proche" };

export default function InvalidInvitationPage() {
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title="Invitation d'un proche" />
      <Alert tone="error">Ce lien d&apos;invitation n&apos;est pas valable.</Alert>
    </div>
  );
}
