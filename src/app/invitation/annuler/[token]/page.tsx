import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { invitationForCancelSecret } from "@/server/delegations/cancel-invitation";

// The URL holds a secret: it must not leave in a Referer.
export const metadata: Metadata = { title: "Annuler une délégation", referrer: "no-referrer" };

/**
 * The one-click cancel from the patient's e-mail, without signing in. GET only shows the button
 * (mail scanners fetch links); the POST cancels.
 */
export default async function CancelPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationForCancelSecret(token);
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title="Annuler une délégation" />
      {invitation ? (
        <form method="post" action="/api/invitation/annuler" className="flex flex-col gap-4">
          <input type="hidden" name="jeton" value={token} />
          <p>
            {invitation.acceptedAt
              ? "La personne invitée a accepté. En annulant, elle ne pourra plus rien faire dans votre espace, dès maintenant."
              : "L'invitation n'a pas encore été acceptée. En annulant, son lien ne fonctionnera plus."}
          </p>
          <div><Button type="submit">Annuler la délégation</Button></div>
        </form>
      ) : (
        <Alert tone="error">Ce lien d&apos;annulation n&apos;est pas valable ou a déjà servi.</Alert>
      )}
    </div>
  );
}
