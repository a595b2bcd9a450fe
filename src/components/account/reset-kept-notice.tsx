import { t, tn } from "@/lib/i18n/messages";
import type { KeptWays } from "@/server/accounts/reset-kept-ways";
import type { Json } from "@/server/pages/json-props";

/**
 * After a password reset, what still signs in besides the new password: « Votre compte a aussi
 * 2 clés d'accès et 1 identité numérique liée… vérifiez-les dans Mon compte », the last words a
 * link to « Mon compte » of the account's space (through sign-in, which brings the person back
 * there). Said only when there is at least one (reset-kept-ways.ts).
 */
export function ResetKeptNotice({ kept }: { kept: Json<KeptWays> }) {
  const passkeys = kept.passkeys > 0 ? tn("reset.keptPasskeys", kept.passkeys) : null;
  const identities = kept.identities > 0 ? tn("reset.keptIdentities", kept.identities) : null;
  const ways = passkeys && identities ? t("reset.keptBoth", { passkeys, identities }) : (passkeys ?? identities ?? "");
  // The sentence's count is in `ways`: « la » or « les » agrees with the total (never 0 here).
  const [before, after] = t(kept.passkeys + kept.identities === 1 ? "reset.keptOne" : "reset.keptMany", { ways }).split("{account}");
  return (
    <p className="mt-2">
      {before}
      <a href={kept.accountPath} className="underline underline-offset-4">
        {t("reset.keptAccount")}
      </a>
      {after}
    </p>
  );
}
