/**
 * What the pages say when one guardian would remove the other (agent-writes.ts refuses it with
 * "guardian-tie"): one sentence, the same wherever it is shown.
 */
export const GUARDIAN_TIE_SENTENCE =
  "Les représentants légaux gèrent cet espace ensemble ; aucun ne peut retirer l'accès de l'autre : c'est une question juridique, qui relève du juge aux affaires familiales.";
