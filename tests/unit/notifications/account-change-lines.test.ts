import { describe, expect, it } from "vitest";
import { ACCOUNT_CHANGES, accountChangeEmailLines, REACTIVATE_SENTENCE, waysLeftSentence } from "@/lib/notifications/account-change-lines";
import { KIND_INFO } from "@/lib/notifications/kinds";
import { PROFESSIONAL_KINDS } from "@/lib/notifications/professional-kinds";

const urls = { account: "https://espace-sante.example/espace/compte", reset: "https://espace-sante.example/connexion/oubli", assistance: "01 23 45 67 89 (du lundi au vendredi)" };
const at = new Date("2026-07-01T08:05:00Z");

describe("the e-mail lines of a change to how the account is opened", () => {
  it.each(ACCOUNT_CHANGES)("%s: a security kind a professional receives too, saying when, and what to do if it was not the owner", (change) => {
    expect(KIND_INFO[change].security).toBe(true);
    expect(PROFESSIONAL_KINDS.has(change)).toBe(true);
    expect(KIND_INFO[change].text).toContain("Si ce n'était pas vous");
    const lines = accountChangeEmailLines(change, at, urls);
    expect(lines[0]).toMatch(/ le 1er juillet 2026 à 10:05 \(heure de Paris\)\.$/);
    expect(lines.at(-1)).toMatch(/^Si ce n'était pas vous[, ].* : /);
    expect(Object.values(urls).some((url) => lines.at(-1)!.endsWith(` : ${url}`))).toBe(true);
  });

  it.each([
    ["password-changed", urls.reset],
    ["password-reset", urls.reset],
    ["passkey-added", urls.account],
    ["passkey-removed", urls.account],
    ["recovery-codes-regenerated", urls.account],
    ["identity-linked", urls.account],
    ["identity-unlinked", urls.account],
    // Nothing in the account undoes what the assistance did: the way back is the assistance.
    ["second-factors-removed", urls.assistance],
    // Last, for the owner with no recovery code left, whom no page of the portal lets in.
    ["second-factor-replaced", urls.assistance],
  ] as const)("%s points to %s", (change, url) => {
    expect(accountChangeEmailLines(change, at, urls).at(-1)!.endsWith(` : ${url}`)).toBe(true);
  });

  it.each([
    [{ passkeys: 0, identities: 0 }, "Aucune clé d'accès ni identité numérique n'est liée à votre compte : seul le nouveau mot de passe, avec votre code, permet de s'y connecter."],
    [{ passkeys: 1, identities: 0 }, "Votre compte a aussi 1 clé d'accès, qui permet toujours de vous connecter sans mot de passe : une réinitialisation ne les retire pas."],
    [{ passkeys: 0, identities: 2 }, "Votre compte a aussi 2 identités numériques liées, qui permettent toujours de vous connecter sans mot de passe : une réinitialisation ne les retire pas."],
    [{ passkeys: 2, identities: 1 }, "Votre compte a aussi 2 clés d'accès et 1 identité numérique liée, qui permettent toujours de vous connecter sans mot de passe : une réinitialisation ne les retire pas."],
  ])("a reset leaving %o says: %s", (left, sentence) => {
    expect(waysLeftSentence(left)).toBe(sentence);
    expect(accountChangeEmailLines("password-reset", at, urls, left)).toContain(sentence);
    // Only a reset's e-mail counts them.
    expect(accountChangeEmailLines("password-changed", at, urls, left)).not.toContain(sentence);
  });

  it("a recovery by the assistance says what was removed, when, and how the account opens again", () => {
    expect(accountChangeEmailLines("second-factors-removed", at, urls)).toEqual([
      "Les seconds facteurs de votre compte (application d'authentification, clés d'accès, codes de secours), son mot de passe et ses identités numériques liées ont été retirés à la suite de la demande faite à l'assistance le 1er juillet 2026 à 10:05 (heure de Paris).",
      REACTIVATE_SENTENCE,
      `Si ce n'était pas vous, contactez sans attendre l'assistance, avant que quelqu'un d'autre n'active votre compte : ${urls.assistance}`,
    ]);
  });

  it("a replaced authenticator app says when, and how its owner comes in again without it", () => {
    expect(accountChangeEmailLines("second-factor-replaced", at, urls)).toEqual([
      "L'application d'authentification de votre compte a été remplacée le 1er juillet 2026 à 10:05 (heure de Paris).",
      `Si ce n'était pas vous, connectez-vous avec un de vos codes de secours (votre ancienne application ne donne plus de code valable), enregistrez de nouveau votre application, changez votre mot de passe et fermez les sessions que vous ne reconnaissez pas dans « Mon compte » : ${urls.account}`,
      `Si ce n'était pas vous et qu'il ne vous reste aucun code de secours, contactez sans attendre l'assistance : ${urls.assistance}`,
    ]);
  });
});
