import { AccountOverview } from "@/components/account/account-overview";
import { NotFoundView } from "@/components/not-found-view";
import { readerOf, tv } from "@/lib/i18n/voice";
import { accountPageProps } from "@/server/accounts/account-page-props";
import type { AccountPageData } from "@/server/accounts/account-page-data";
import type { FramedProps } from "@/server/pages/framed-page";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): creating a passkey, the one thing here that needs scripts, is an inline script with
 * SimpleWebAuthn's browser file (src/components/account/passkey-button.tsx).
 */
export const config = { unstable_runtimeJS: false };

/** "Mon compte" of a patient. */
export const getServerSideProps = accountPageProps("patient");

export default function PatientAccountPage({ frame, data }: FramedProps<AccountPageData>) {
  // The copy of the record of the space the person acts in: hers, or, in a relative's space, theirs.
  return data ? <AccountOverview data={data} nonce={frame.nonce} recordCopy={tv("recordCopy.link", readerOf(frame.banner))} closeSpace /> : <NotFoundView />;
}
