/**
 * The professional lists of "Partage et confidentialité" are shown a page at a time: a patient
 * may authorise hundreds of professionals (a hospital team, a pharmacy chain), and a page with
 * every card and its forms cost about 300 ms of server time at 250 cards (bench `partage`).
 * Twenty cards keep each card's forms on the page, so every change still works without JavaScript.
 */
export const SHARING_PAGE_SIZE = 20;
