/**
 * « Eve Martin », « Eve Martin et Léa Martin »: who sent the invitations holding an account
 * opening, as the release page (pages/invitation/ouverture/[token].tsx) and the page after the
 * release (fait.tsx) name them. One name in all but a rare case (two spaces' invitations holding at once).
 */
export const inviterNames = (names: string[]): string => names.join(" et ");
