/**
 * Part of `npm run test:e2e` (scripts/e2e.mjs), after the seed and before the server starts
 * (the server then owns the PGlite database): adds the patients of
 * tests/e2e/fixtures/new-patients.json, whose records exist but who have no account yet, as the
 * record system would, and invites each through inviteAccount, the function behind
 * `npm run account:invite`, in this one process (a process per invitation would cost 15 s each
 * here). The codes go to E2E_DATA_DIR/invitations.json for accounts.spec.ts. The account of
 * « reset » has an OpenID Connect identity linked (of a provider the test server does not
 * configure), which its reset's page counts and « Mon compte » lists. « assistance » had an
 * activated account (a password and an app) and lost both her phone and her recovery codes: the
 * assistance ran recoverAccount, the function behind `npm run account:recover`, whose code goes
 * to the same file. Then the judge's protection measure of protection-measure.spec.ts, recorded
 * through the function behind `npm run guardianship:grant` (lib/e2e-protection-measure.ts).
 * Test data only: refuses any APP_ENV but "test". Run with `tsx --conditions react-server`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { aPatient } from "@/lib/fhir/builders/people";
import { inviteAccount } from "@/server/accounts/invite-account";
import { recoverAccount } from "@/server/accounts/recover-account";
import { newTotpSecret } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { closeDatabase, database } from "@/server/db/client";
import { bindOidcIdentity } from "@/server/db/oidc-identity-store";
import { env } from "@/server/env";
import { systemRepository } from "@/server/fhir/repository";
import { recordProtectionMeasure } from "./lib/e2e-protection-measure";

type NewPatient = { id: string; given: string; family: string; gender: "female" | "male"; birthDate: string; email: string };
// The password the new patients choose (tests/e2e/helpers/new-patients.ts): « assistance »'s old one, and the measure's two people's.
const PASSWORD = "Trois ours lisent des cartes marines";

async function main(): Promise<number> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (env().APP_ENV !== "test" || !dataDir) {
    console.error("Refus : ces invitations de test ne sont créées qu'avec APP_ENV=test et E2E_DATA_DIR.");
    return 1;
  }
  const patients = JSON.parse(readFileSync("tests/e2e/fixtures/new-patients.json", "utf8")) as Record<string, NewPatient>;
  const db = await database();
  try {
    const repo = await systemRepository("e2e-invitations");
    const codes: Record<string, string> = {};
    for (const [key, p] of Object.entries(patients)) {
      await repo.create(aPatient({ id: p.id, given: p.given, family: p.family, gender: p.gender, birthDate: p.birthDate }));
      if (key === "assistance") {
        // Her old password is the one the other new patients choose: accounts.spec.ts sees it refused.
        await createAccount({ email: p.email, password: PASSWORD, totpSecret: newTotpSecret(), kind: "patient", fhirRef: `Patient/${p.id}`, displayName: `${p.given} ${p.family}` });
        const recovered = await recoverAccount({ kind: "patient", resourceId: p.id, operator: "e2e", now: new Date() });
        if (!recovered.ok) throw new Error(`Récupération de ${key} refusée : ${recovered.reason}`);
        codes[key] = recovered.code;
        continue;
      }
      const invited = await inviteAccount({ kind: "patient", resourceId: p.id, email: p.email, now: new Date() });
      if (!invited.ok) throw new Error(`Invitation de ${key} refusée : ${invited.reason}`);
      codes[key] = invited.code;
      if (key === "reset") await bindOidcIdentity(invited.accountId, "https://identite.example", `e2e-${p.id}`, new Date("2026-03-01T09:00:00Z"));
    }
    writeFileSync(path.join(dataDir, "invitations.json"), JSON.stringify(codes, null, 2));
    console.log(`${Object.keys(codes).length} patients ajoutés, invités ou remis « à activer » (codes dans ${dataDir}/invitations.json).`);
    await recordProtectionMeasure(repo, PASSWORD);
    console.log("Mesure de protection enregistrée pour protection-measure.spec.ts.");
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
