import { describe, expect, it } from "vitest";
import { wordsOutsideCatalogue } from "./words-outside-catalogue";

/**
 * « Proches et délégations », its invitation form and the invitation pages take their words from
 * the French catalogue (fr-relatives.ts, fr-relatives-page.ts, fr-invitation.ts), as the rest of
 * the portal does: none written in the components and pages themselves. A French sentence or label
 * shows here as a text between tags, or a quoted string with a space or an accented letter.
 */
const FILES = [
  "src/pages/espace/proches/index.tsx",
  "src/pages/espace/proches/[id].tsx",
  "src/components/relatives/invite-form.tsx",
  "src/components/relatives/relative-lists.tsx",
  "src/components/relatives/rights-fieldset.tsx",
  "src/components/relatives/relatives-notice.ts",
  "src/pages/invitation/[token].tsx",
  "src/pages/invitation/invalide.tsx",
  "src/pages/invitation/annuler/[token].tsx",
  "src/pages/invitation/annuler/fait.tsx",
  "src/pages/invitation/annuler/invalide.tsx",
  "src/server/delegations/invitation-pages-props.ts",
];

describe("the relatives' and invitation pages' words", () => {
  it.each(FILES)("are in the catalogue, not in %s", (path) => {
    expect(wordsOutsideCatalogue(path)).toEqual([]);
  });
});
