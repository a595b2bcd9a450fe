/**
 * Whom the reasons speak to. The person reading their own calendar is addressed as "vous"
 * ("Vous avez 76 ans…"); a parent in a child's space, a caregiver or a professional reads about
 * someone else, and was told "Vous avez 9 ans" about a child, or "faites-le dès maintenant" about
 * a patient. For them the reasons name the person ("Léo a 9 ans…"), by first name: it needs no
 * grammatical gender, which the record may not give.
 */
export type Reader = { self: true } | { self: false; name: string };

export const SELF: Reader = { self: true };

/** The phrases that change with the reader; every other word of a reason is the same for both. */
export type Voice = {
  /** "Vous avez" / "Léo a". */
  has: string;
  /** "votre" / "son": only before masculine or vowel-initial nouns (dossier, bilan, dernier rappel, médecin, âge). */
  your: string;
  /** "vous" / "Léo", after a preposition ("pour vous"). */
  you: string;
  /** The call to act on an overdue booster. */
  doItNow: string;
  /** Where to turn when the calendar's age for a vaccination has passed. */
  askDoctor: string;
};

export function voiceOf(reader: Reader): Voice {
  if (reader.self) {
    return { has: "Vous avez", your: "votre", you: "vous", doItNow: "faites-le dès maintenant", askDoctor: "parlez-en à votre médecin" };
  }
  return { has: `${reader.name} a`, your: "son", you: reader.name, doItNow: "il est à faire dès maintenant", askDoctor: "à voir avec son médecin" };
}
