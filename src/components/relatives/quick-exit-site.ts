/** Where "Sortie rapide" goes: a neutral site, as harmless to be seen on as it is common. */
export const NEUTRAL_SITE = "https://www.google.fr/search?q=meteo";
